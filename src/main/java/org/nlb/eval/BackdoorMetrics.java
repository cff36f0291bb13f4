package org.nlb.eval;

/**
 * The backdoor metrics of DESIGN §4 for one probe: a pure function of the true test labels, the
 * probe's predictions on clean and on triggered test images, and the target class, so that the
 * same code measures the victim encoder and the clean-encoder control ({@code asr_clean_encoder}
 * is {@link #asr} computed from the clean encoder's own predictions).
 *
 * @param cleanAcc accuracy on the clean test set
 * @param poisonAcc accuracy on the triggered test set (true labels)
 * @param asr among test images whose true label is not the target, the fraction predicted as
 *     the target once triggered; NaN if every test image is of the target class
 * @param cleanToTarget the same fraction without the trigger (the baseline ASR is read against)
 * @param nonTarget how many test images the two fractions count
 * @param confusion counts of triggered predictions, {@code confusion[true][predicted]}
 */
public record BackdoorMetrics(double cleanAcc, double poisonAcc, double asr, double cleanToTarget,
                              int nonTarget, int[][] confusion) {
    /** Computes the metrics of {@code classes} classes; all arrays have one entry per test image. */
    public static BackdoorMetrics of(int[] trueLabels, int[] cleanPredictions, int[] triggeredPredictions,
                                     int target, int classes) {
        int n = trueLabels.length;
        if (cleanPredictions.length != n || triggeredPredictions.length != n) {
            throw new IllegalArgumentException("need one clean and one triggered prediction per label, got "
                    + cleanPredictions.length + " and " + triggeredPredictions.length + " for " + n);
        }
        if (target < 0 || target >= classes) {
            throw new IllegalArgumentException("target " + target + " is outside 0.." + (classes - 1));
        }
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < n; i++) {
            confusion[trueLabels[i]][triggeredPredictions[i]]++;
        }
        int nonTarget = 0;
        for (int label : trueLabels) {
            nonTarget += label != target ? 1 : 0;
        }
        return new BackdoorMetrics(accuracy(trueLabels, cleanPredictions), accuracy(trueLabels, triggeredPredictions),
                asr(trueLabels, triggeredPredictions, target), asr(trueLabels, cleanPredictions, target), nonTarget,
                confusion);
    }

    /** Among images whose true label is not {@code target}, the fraction predicted as {@code target}. */
    public static double asr(int[] trueLabels, int[] triggeredPredictions, int target) {
        if (trueLabels.length != triggeredPredictions.length) {
            throw new IllegalArgumentException(triggeredPredictions.length + " predictions for " + trueLabels.length + " labels");
        }
        int nonTarget = 0;
        int hits = 0;
        for (int i = 0; i < trueLabels.length; i++) {
            if (trueLabels[i] != target) {
                nonTarget++;
                hits += triggeredPredictions[i] == target ? 1 : 0;
            }
        }
        return fraction(hits, nonTarget);
    }

    /** The fraction of predictions equal to the labels (NaN for none). */
    public static double accuracy(int[] trueLabels, int[] predictions) {
        if (trueLabels.length != predictions.length) {
            throw new IllegalArgumentException(predictions.length + " predictions for " + trueLabels.length + " labels");
        }
        int right = 0;
        for (int i = 0; i < trueLabels.length; i++) {
            right += trueLabels[i] == predictions[i] ? 1 : 0;
        }
        return fraction(right, trueLabels.length);
    }

    private static double fraction(int count, int of) {
        return of == 0 ? Double.NaN : count / (double) of;
    }

    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }
}
