import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nlb.augment.Normalization;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.PretrainSplit;
import org.nlb.data.ReadOptions;
import org.nlb.ssl.SslMethodKind;
import org.nlb.train.PretrainConfig;
import org.nlb.train.PretrainSession;
import org.nlb.train.TrainingListener;

/**
 * Images per second of full SimCLR training steps in nlb — two-view augmentation (prefetching
 * loader), forward of both views, NT-Xent, backward, LARS update — with the CPU recipe (small
 * backbone, stride-2 stem, widths 32/64/128, projector 2048 → 256, batch B) on the Fashion-MNIST
 * pretrain split. The first WARMUP steps are not timed. Args: FASHION_MNIST_DIR THREADS BATCH STEPS WARMUP.
 * Prints one line: {@code nlb <images/s>}.
 */
public class PretrainBench {
    public static void main(String[] args) {
        ImageSet train = DatasetFormat.readDataset(DatasetSpec.parse("idx:" + args[0]), ReadOptions.DEFAULT).train();
        int threads = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        ImageSet picked = train.subset(PretrainSplit.draw(train.size(), 0.9, 0).pretrain());
        ImageSet images = ImageSet.of(picked.pixels(), picked.size(), 1, 28, 28);
        PretrainConfig cpu = PretrainConfig.cpu(SslMethodKind.SIMCLR, 1);
        PretrainConfig config = cpu.withThreads(threads).withBatchSize(batch).withEpochs(1)
                .withMaxStepsPerEpoch(warmup + steps)
                .withAugment(cpu.augmentPreset(), cpu.augment().withNormalization(Normalization.of(images)));
        List<Long> ends = new ArrayList<>();
        try (PretrainSession session = new PretrainSession(config, images, 0)) {
            session.runEpoch(1, new TrainingListener() {
                @Override
                public void onStep(StepStats step) {
                    ends.add(System.nanoTime());
                }
            });
        }
        double seconds = (ends.get(warmup + steps - 1) - ends.get(warmup - 1)) / 1e9;
        System.out.printf(Locale.ROOT, "nlb %.1f%n", steps * (double) batch / seconds);
    }
}
