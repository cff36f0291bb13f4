package org.nlb.eval;

/** Which probes {@code nlb probe} trains: the linear probe, the kNN monitor, or both (reports give both). */
public enum ProbeKind {
    LINEAR,
    KNN,
    BOTH;

    public boolean linear() {
        return this != KNN;
    }

    public boolean knn() {
        return this != LINEAR;
    }
}
