package org.nlb.report;

/** The two classifiers a run trains on frozen features (DESIGN §4), as {@code results.json} names them. */
public enum Probe {
    LINEAR("linear", "Linear probe"),
    KNN("knn", "kNN");

    private final String key;
    private final String title;

    Probe(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The key in {@code results.json} and {@code metrics.json}. */
    public String key() {
        return key;
    }

    /** How the report names it. */
    public String title() {
        return title;
    }
}
