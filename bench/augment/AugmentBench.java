import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nlb.augment.AugmentConfig;
import org.nlb.augment.FloatImage;
import org.nlb.augment.LoaderOptions;
import org.nlb.augment.TwoViewAugmenter;
import org.nlb.augment.ViewPairBatch;
import org.nlb.augment.ViewPairLoader;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.ReadOptions;

/**
 * Two-view augmentation throughput, in images per second (one image = both of its views): one
 * thread calling the augmenter directly, then the ViewPairLoader (batches of 256, prefetch 4) with
 * one worker thread and with one per core, drained by a consumer that does nothing else. The
 * direct run also reports images per second of its own CPU time, which other load on the machine
 * does not lower. Median of REPEATS timed runs after
 * warm-up. Args: FASHION_MNIST_DIR REPEATS.
 */
public class AugmentBench {
    public static void main(String[] args) {
        ImageSet fashion = DatasetFormat.readDataset(DatasetSpec.parse("idx:" + args[0]), ReadOptions.DEFAULT).train();
        int repeats = Integer.parseInt(args[1]);
        ImageSet rgb = synthetic(50_000, 3, 32, 32);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("two-view augmentation, images/s (median of %d), %d cores%n", repeats, cores);
        report("Fashion-MNIST 1x28x28, cpu preset", fashion, AugmentConfig.cpuScale(), repeats, cores);
        report("synthetic 3x32x32, reference preset", rgb, AugmentConfig.cifarReference(), repeats, cores);
    }

    private static void report(String name, ImageSet set, AugmentConfig config, int repeats, int cores) {
        TwoViewAugmenter aug = TwoViewAugmenter.forData(set, config);
        double single = median(repeats, () -> singleThread(aug, set, 20_000, false));
        double perCpu = median(repeats, () -> singleThread(aug, set, 20_000, true));
        double loaderOne = median(repeats, () -> loader(set, aug, 1, 150));
        double loaderAll = median(repeats, () -> loader(set, aug, cores, 150));
        System.out.printf("  %s%n    direct, 1 thread %8.0f (per CPU-second %8.0f) | loader, 1 thread %8.0f"
                + " | loader, %d threads %8.0f%n", name, single, perCpu, loaderOne, cores, loaderAll);
    }

    /** Wall-clock rate, or with {@code cpuTime} the rate per second of this thread's CPU time (robust to other load). */
    private static double singleThread(TwoViewAugmenter aug, ImageSet set, int count, boolean cpuTime) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        FloatImage scratch = aug.newScratch();
        float[] v1 = new float[aug.floatsPerImage()];
        float[] v2 = new float[aug.floatsPerImage()];
        long t0 = cpuTime ? bean.getCurrentThreadCpuTime() : System.nanoTime();
        for (int i = 0; i < count; i++) {
            aug.augment(set, i % set.size(), 7, i / set.size(), scratch, v1, v2, 0);
        }
        long t1 = cpuTime ? bean.getCurrentThreadCpuTime() : System.nanoTime();
        return count / ((t1 - t0) / 1e9);
    }

    private static double loader(ImageSet set, TwoViewAugmenter aug, int threads, int batches) {
        try (ViewPairLoader loader = new ViewPairLoader(set, aug, new LoaderOptions(256, threads, 4, 7))) {
            long t0 = System.nanoTime();
            int seen = 0;
            double checksum = 0;
            for (ViewPairBatch b : loader.epoch(0)) {
                checksum += b.view1()[0];
                if (++seen == batches) {
                    break;
                }
            }
            if (Double.isNaN(checksum)) {
                throw new IllegalStateException("NaN in output");
            }
            return seen * 256 / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double median(int repeats, java.util.function.DoubleSupplier run) {
        for (int w = 0; w < 2; w++) {
            run.getAsDouble();
        }
        double[] r = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            r[i] = run.getAsDouble();
        }
        Arrays.sort(r);
        return repeats % 2 == 1 ? r[repeats / 2] : (r[repeats / 2 - 1] + r[repeats / 2]) / 2;
    }

    /** Smooth random colour images, so that crops and colour ops see image-like content. */
    private static ImageSet synthetic(int n, int c, int h, int w) {
        byte[] px = new byte[n * c * h * w];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                double a = rng.nextDouble() * 255;
                double gx = rng.nextDouble() * 6 - 3;
                double gy = rng.nextDouble() * 6 - 3;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double v = a + gx * x + gy * y + rng.nextInt(32) - 16;
                        px[((i * c + ch) * h + y) * w + x] = (byte) Math.max(0, Math.min(255, (int) v));
                    }
                }
            }
        }
        return ImageSet.of(px, n, c, h, w);
    }
}
