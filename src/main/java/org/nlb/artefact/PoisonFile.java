package org.nlb.artefact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A selector's {@code poison.json} (DESIGN §7), written by {@code nlb select} and the run's select
 * stage, read by {@code nlb poison}, the run and the report: the poison set ({@code n} and
 * {@code indices}, required), how it was chosen, its purity when labels were given, and
 * provenance. {@code rate} and {@code classes} are always written ({@code null} when the budget was
 * given as a count); every other optional field is left out when it does not apply.
 *
 * @param strategy the selector that chose the set
 * @param n N, the size of the set the indices point into
 * @param budget M, the number of indices
 * @param rate the poison rate relative to one class; NaN when the budget was a count
 * @param classes the class count C of the budget formula; {@code null} when the budget was a count
 * @param indices distinct positions in {@code 0 … n−1}, in the selector's order
 * @param anchor the anchor (contrastive family)
 * @param anchorScore the anchor's score (contrastive family)
 * @param seed the selector's seed
 * @param seconds the selection's time, features in memory
 * @param ccr the share of the set in its majority class (with labels)
 * @param target the majority class (with labels)
 * @param targetName its name
 * @param histogram the set's images per class (with labels)
 * @param anchorSample the rows the anchor was searched among, when sampled
 * @param clusters K of k-means
 * @param clusterSizes the size of each cluster
 * @param chosenCluster the cluster taken
 * @param requestedTarget the class the label-aware oracle was asked for
 * @param features the features file selected from
 * @param labels where the labels came from
 * @param subset the index file the positions are in ({@code pretrain.npy})
 * @param nlbVersion the version that wrote it
 */
public record PoisonFile(String strategy, @JsonProperty(required = true) int n, Integer budget,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Double rate,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Integer classes,
                         @JsonProperty(required = true) List<Integer> indices, Integer anchor, Double anchorScore,
                         Long seed, Double seconds, Double ccr, Integer target, String targetName,
                         List<Integer> histogram, Integer anchorSample, Integer clusters, List<Integer> clusterSizes,
                         Integer chosenCluster, Integer requestedTarget, String features, String labels, String subset,
                         String nlbVersion) {
    /** The file name in a select stage's directory. */
    public static final String FILE = "poison.json";

    public PoisonFile {
        if (n < 1) {
            throw new MalformedArtefactException("n", "must be at least 1, got " + n);
        }
        MalformedArtefactException.require(indices, "indices");
        if (indices.isEmpty()) {
            throw new MalformedArtefactException("indices", "is empty: there is nothing to poison");
        }
        Map<Integer, Integer> firstSeen = new HashMap<>();
        for (int k = 0; k < indices.size(); k++) {
            Integer i = indices.get(k);
            if (i == null) {
                throw new MalformedArtefactException("indices[" + k + "]", "is null, expected a whole number");
            }
            if (i < 0 || i >= n) {
                throw MalformedArtefactException.of("indices[" + k + "] = " + i + " is outside 0.." + (n - 1)
                        + " (n = " + n + ")");
            }
            Integer before = firstSeen.putIfAbsent(i, k);
            if (before != null) {
                throw MalformedArtefactException.of("index " + i + " is listed twice (indices[" + before + "] and indices["
                        + k + "])");
            }
        }
        indices = List.copyOf(indices);
        if (budget != null && budget != indices.size()) {
            throw new MalformedArtefactException("budget", "is " + budget + " but " + indices.size()
                    + " indices are listed");
        }
        histogram = histogram == null ? null : List.copyOf(histogram);
        clusterSizes = clusterSizes == null ? null : List.copyOf(clusterSizes);
    }

    /** The indices as an array, in the selector's order. */
    public int[] indexArray() {
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
