package org.nlb.eval;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.IndexFile;
import org.nlb.data.ReadOptions;
import org.nlb.data.npy.Npy;
import org.nlb.data.npy.NpyArray;
import org.nlb.io.BadInputException;
import org.nlb.model.EncoderStore;
import org.nlb.model.EncoderStore.LoadedEncoder;
import org.nlb.poison.trigger.ImageShape;
import org.nlb.poison.trigger.TriggerConfig;

/**
 * {@code nlb features --encoder DIR} (DESIGN §1 step 3, §7): a frozen encoder's features in a
 * {@link FeatureSpace} of one split of a data set (or of the images an index file lists, e.g.
 * {@code pretrain.npy}), written as a float32 N × d {@code .npy} file atomically. Everything is
 * checked before the encoder runs.
 */
public final class EncoderFeatures {
    private EncoderFeatures() {}

    /**
     * What to embed and where to write it.
     *
     * @param data the data set
     * @param readOptions how to read it ({@code --resize})
     * @param encoderDir an encoder directory ({@link EncoderStore})
     * @param split which part of the data set
     * @param subset an index file of positions in that part (rows in its order), if any
     * @param trigger a trigger pasted on every image first, if any
     * @param extraction batch size, normalisation and progress (its trigger is ignored)
     * @param out the {@code .npy} file
     * @param space which features ({@link FeatureSpace#BACKBONE} is the reference's)
     */
    public record Request(DatasetSpec data, ReadOptions readOptions, Path encoderDir, Split split,
                          Optional<Path> subset, Optional<TriggerConfig> trigger,
                          FeatureExtractor.Options extraction, Path out, FeatureSpace space) {
        /** Backbone features (the reference's space). */
        public Request(DatasetSpec data, ReadOptions readOptions, Path encoderDir, Split split,
                       Optional<Path> subset, Optional<TriggerConfig> trigger,
                       FeatureExtractor.Options extraction, Path out) {
            this(data, readOptions, encoderDir, split, subset, trigger, extraction, out, FeatureSpace.BACKBONE);
        }

        public Request {
            java.util.Objects.requireNonNull(space, "space");
        }

        public Request withSpace(FeatureSpace s) {
            return new Request(data, readOptions, encoderDir, split, subset, trigger, extraction, out, s);
        }
    }

    /** What was written. */
    public record Result(Path out, int rows, int dim, double seconds) {}

    public static Result write(Request request) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedEncoder encoder = EncoderStore.load(request.encoderDir(), manager);
            if (request.space().usesProjector()) {
                encoder.requireProjector(); // before reading the data: an old encoder fails fast
            }
            Dataset dataset = DatasetFormat.readDataset(request.data(), request.readOptions());
            ImageSet images = request.split().of(dataset);
            FeatureExtractor.requireFits(encoder.spec(), images, request.data().toString());
            int[] indices = request.subset().map(p -> IndexFile.read(p, images.size()))
                    .orElseGet(() -> IntStream.range(0, images.size()).toArray());
            if (indices.length == 0) {
                throw new BadInputException(request.subset().map(Path::toString).orElse(request.data().toString()),
                        "lists no " + request.split().cliName() + " images to embed");
            }
            FeatureExtractor.Options options = request.extraction().withTriggerOrNone(
                    request.trigger().map(t -> t.buildFor(ImageShape.of(images))));
            long start = System.nanoTime();
            Features features = FeatureExtractor.extract(encoder, images, indices, options, request.space());
            Npy.write(request.out(), NpyArray.ofFloats(features.data(), features.rows(), features.dim()));
            return new Result(request.out(), features.rows(), features.dim(), (System.nanoTime() - start) / 1e9);
        }
    }
}
