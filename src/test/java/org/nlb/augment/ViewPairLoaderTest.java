package org.nlb.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nlb.data.ImageSet;
import org.nlb.io.BadInputException;

@Timeout(60)
class ViewPairLoaderTest {
    private static final ImageSet RGB = TestImages.random(70, 3, 12, 12, 41);

    @Test
    void batchesAreBitIdenticalWhateverTheThreadCountAndPrefetch() {
        List<ViewPairBatch> one = collect(RGB, new LoaderOptions(16, 1, 1, 99), 0, 2);
        List<ViewPairBatch> two = collect(RGB, new LoaderOptions(16, 2, 4, 99), 0, 2);
        List<ViewPairBatch> three = collect(RGB, new LoaderOptions(16, 3, 2, 99), 0, 2);
        assertThat(one).hasSize(8);
        for (List<ViewPairBatch> other : List.of(two, three)) {
            assertThat(other).hasSameSizeAs(one);
            for (int b = 0; b < one.size(); b++) {
                assertThat(other.get(b).indices()).containsExactly(one.get(b).indices());
                assertThat(other.get(b).view1()).containsExactly(one.get(b).view1());
                assertThat(other.get(b).view2()).containsExactly(one.get(b).view2());
            }
        }
    }

    @Test
    void dropsTheLastPartialBatchAndVisitsEachItemAtMostOncePerEpoch() {
        try (ViewPairLoader loader = new ViewPairLoader(RGB, AugmentConfig.cpuScale(), new LoaderOptions(16, 2, 2, 5))) {
            assertThat(loader.batchesPerEpoch()).isEqualTo(4);
            List<int[]> orders = new ArrayList<>();
            for (int e = 0; e < 3; e++) {
                Set<Integer> seen = new HashSet<>();
                int count = 0;
                int[] order = new int[64];
                for (ViewPairBatch b : loader.epoch(e)) {
                    assertThat(b.epoch()).isEqualTo(e);
                    assertThat(b.batch()).isEqualTo(count);
                    assertThat(b.shape()).containsExactly(16, 3, 12, 12);
                    assertThat(b.view1()).hasSize(16 * 3 * 144);
                    assertThat(b.view2()).hasSize(16 * 3 * 144);
                    for (int i : b.indices()) {
                        assertThat(i).isBetween(0, 69);
                        assertThat(seen.add(i)).as("item %d seen twice in epoch %d", i, e).isTrue();
                    }
                    System.arraycopy(b.indices(), 0, order, count * 16, 16);
                    count++;
                }
                assertThat(count).isEqualTo(4);
                assertThat(seen).hasSize(64);
                orders.add(order);
            }
            assertThat(orders.get(1)).isNotEqualTo(orders.get(0));
        }
    }

    @Test
    void batchRowsAreTheViewsOfTheirItems() {
        LoaderOptions options = new LoaderOptions(8, 2, 2, 123);
        TwoViewAugmenter aug = TwoViewAugmenter.forData(RGB, AugmentConfig.cifarReference());
        try (ViewPairLoader loader = new ViewPairLoader(RGB, aug, options)) {
            ViewPairBatch b = loader.epoch(3).iterator().next();
            int per = aug.floatsPerImage();
            float[] v1 = new float[per];
            float[] v2 = new float[per];
            aug.augment(RGB, b.indices()[5], 123, 3, aug.newScratch(), v1, v2, 0);
            assertThat(java.util.Arrays.copyOfRange(b.view1(), 5 * per, 6 * per)).containsExactly(v1);
            assertThat(java.util.Arrays.copyOfRange(b.view2(), 5 * per, 6 * per)).containsExactly(v2);
        }
    }

    @Test
    void leavingAnEpochEarlyOrSkippingEpochsGivesTheSameBatchesAsAFreshLoader() {
        List<ViewPairBatch> fresh = collect(RGB, new LoaderOptions(16, 2, 2, 7), 2, 3);
        try (ViewPairLoader loader = new ViewPairLoader(RGB, AugmentConfig.cifarReference(), new LoaderOptions(16, 2, 2, 7))) {
            loader.epoch(0).iterator().next();           // abandon epoch 0 after one batch
            List<ViewPairBatch> got = new ArrayList<>();
            loader.epoch(2).forEach(got::add);         // skip epoch 1
            assertThat(got).hasSize(4);
            for (int b = 0; b < 4; b++) {
                assertThat(got.get(b).indices()).containsExactly(fresh.get(b).indices());
                assertThat(got.get(b).view1()).containsExactly(fresh.get(b).view1());
            }
        }
    }

    @Test
    void closeStopsEveryThreadItStarted() throws InterruptedException {
        ViewPairLoader loader = new ViewPairLoader(RGB, AugmentConfig.cpuScale(), new LoaderOptions(8, 3, 2, 1));
        loader.epoch(0).iterator().next();              // threads running, queue filling
        assertThat(augmentThreads()).isNotEmpty();
        loader.close();
        assertThat(augmentThreads()).isEmpty();
        assertThatThrownBy(() -> loader.epoch(1)).isInstanceOf(IllegalStateException.class);
        loader.close();                                  // idempotent
    }

    @Test
    void refusesABatchLargerThanTheDataSet() {
        assertThatThrownBy(() -> new ViewPairLoader(RGB, AugmentConfig.cpuScale(), new LoaderOptions(71, 1, 1, 0)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("larger than the data set (70 images)");
        assertThat(augmentThreads()).isEmpty();
    }

    @Test
    void aFailingAugmentationReachesTheConsumerAfterTheBatchesBeforeIt() {
        ImageSet set = TestImages.random(12, 1, 4, 4, 43);
        ImageOp failOnItemSeven = (image, rng) -> {
            if (image.data()[0] == set.pixel(7, 0, 0, 0) / 255f && image.data()[1] == set.pixel(7, 0, 0, 1) / 255f) {
                throw new IllegalStateException("broken op on item 7");
            }
        };
        ViewPipeline failing = new ViewPipeline(List.of(failOnItemSeven));
        TwoViewAugmenter aug = new TwoViewAugmenter(1, 4, 4, 4, 4, Normalization.uniform(1, 0, 1), failing, failing);
        try (ViewPairLoader loader = new ViewPairLoader(set, aug, new LoaderOptions(1, 2, 2, 0))) {
            int[] order = AugmentSeeds.order(0, 0, 12);
            int before = 0;
            while (order[before] != 7) {
                before++;
            }
            java.util.Iterator<ViewPairBatch> it = loader.epoch(0).iterator();
            for (int b = 0; b < before; b++) {
                assertThat(it.next().indices()).containsExactly(order[b]);
            }
            assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("broken op on item 7");
            // a new epoch starts a new producer, which meets item 7 again rather than hanging
            assertThatThrownBy(() -> loader.epoch(1).forEach(b -> { })).hasMessage("broken op on item 7");
        }
        assertThat(augmentThreads()).isEmpty();
    }

    @Test
    void oneChannelDataWorksToo() {
        ImageSet gray = TestImages.random(10, 1, 28, 28, 42);
        List<ViewPairBatch> batches = collect(gray, new LoaderOptions(4, 2, 1, 3), 0, 1);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).shape()).containsExactly(4, 1, 28, 28);
    }

    private static List<ViewPairBatch> collect(ImageSet set, LoaderOptions options, int fromEpoch, int toEpoch) {
        List<ViewPairBatch> out = new ArrayList<>();
        try (ViewPairLoader loader = new ViewPairLoader(set, AugmentConfig.cifarReference(), options)) {
            for (int e = fromEpoch; e < toEpoch; e++) {
                loader.epoch(e).forEach(out::add);
            }
        }
        return out;
    }

    private static List<Thread> augmentThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("nlb-augment-") && t.isAlive())
                .toList();
    }
}
