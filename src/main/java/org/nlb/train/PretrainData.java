package org.nlb.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nlb.data.Dataset;
import org.nlb.data.DatasetFormat;
import org.nlb.data.DatasetSpec;
import org.nlb.data.ImageSet;
import org.nlb.data.IndexSubset;
import org.nlb.data.PretrainSplit;
import org.nlb.data.ReadOptions;

/**
 * The images SSL pretraining sees (DESIGN §1 step 1): the pretrain part of a data set's train
 * set — the images an index file lists ({@code pretrain.npy} of {@code nlb datasets split}), or
 * the default 90 % split drawn with a seed — with their labels dropped, so that nothing
 * downstream of this class can use them.
 *
 * @param images the pretrain images, unlabeled
 * @param description what they are, for {@code config.json} and the checkpoint's identity check:
 *     the spec, where the subset came from, the image shape and count, and a SHA-256 of the pixels
 */
public record PretrainData(ImageSet images, ObjectNode description) {
    /**
     * @param subset an index file, or {@code null} for the {@link PretrainSplit} drawn with {@code splitSeed}
     */
    public static PretrainData load(String spec, ReadOptions options, Path subset, long splitSeed) {
        DatasetSpec dataSpec = DatasetSpec.parse(spec);
        Dataset dataset = DatasetFormat.readDataset(dataSpec, options);
        ImageSet train = dataset.train();
        int[] indices = subset != null ? IndexSubset.read(subset, train.size()).trainIndices()
                : PretrainSplit.draw(train.size(), PretrainSplit.DEFAULT_PRETRAIN_FRACTION, splitSeed).pretrain();
        ImageSet picked = train.subset(indices);
        ImageSet images = ImageSet.of(picked.pixels(), picked.size(), picked.channels(), picked.height(), picked.width());
        ObjectNode d = RunRecord.JSON.createObjectNode();
        d.put("spec", dataSpec.toString());
        if (subset != null) {
            d.put("subset", subset.toString());
        } else {
            d.put("subset", "pretrain split of " + (int) (PretrainSplit.DEFAULT_PRETRAIN_FRACTION * 100)
                    + " %, seed " + splitSeed);
        }
        d.put("images", images.size());
        d.put("shape", images.shapeText());
        d.put("pixels_sha256", sha256(images.pixels()));
        return new PretrainData(images, d);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
