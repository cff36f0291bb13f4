package org.nlb.artefact;

/** The two classifiers a run trains on frozen features (DESIGN §4): {@code linear} and {@code knn} in every file. */
public enum Probe {
    LINEAR("Linear probe"),
    KNN("kNN");

    private final String title;

    Probe(String title) {
        this.title = title;
    }

    /** How the report names it. */
    public String title() {
        return title;
    }
}
