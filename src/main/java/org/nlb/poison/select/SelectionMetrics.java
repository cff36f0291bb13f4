package org.nlb.poison.select;

import java.util.Locale;
import java.util.Optional;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;

/**
 * How pure a poison set is, from the true labels (evaluation only; DESIGN §2): {@code target} is
 * the majority label of the poison set (ties to the lower label, like the reference's
 * {@code np.bincount(labels).argmax()}), {@code ccr} the fraction of the set with that label (the
 * reference's "TPR"), and the histogram of the set's labels.
 *
 * @param target the majority label
 * @param targetName its class name
 * @param ccr fraction of the poison set whose label is {@code target}
 * @param histogram count of poison images per class, indexed by label
 */
public record SelectionMetrics(int target, String targetName, double ccr, int[] histogram) {
    /** The metrics of {@code indices} under {@code labels} (one label per feature row). */
    public static SelectionMetrics of(int[] indices, Labels labels) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("empty poison set");
        }
        int[] histogram = new int[labels.classCount()];
        for (int i : indices) {
            if (i < 0 || i >= labels.size()) {
                throw new BadInputException("--labels", "poison index " + i + " has no label (" + labels.size()
                        + " labels)");
            }
            histogram[labels.get(i)]++;
        }
        int target = 0;
        for (int c = 1; c < histogram.length; c++) {
            if (histogram[c] > histogram[target]) {
                target = c;
            }
        }
        return new SelectionMetrics(target, labels.classNames().get(target),
                (double) histogram[target] / indices.length, histogram);
    }

    /**
     * The one-line terminal summary of a selection, e.g.
     * {@code contrastive: 3240 of 54000 (6.0 %), anchor 1234, 2.1 s, CCR 0.91 (target 7 Sneaker)}.
     */
    public static String summary(Selection s, Optional<SelectionMetrics> metrics) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %d of %d (%s %%)",
                s.strategy().cliName(), s.budget().images(), s.n(), Budget.percent(s.budget().percentOfN())));
        s.anchor().ifPresent(a -> line.append(", anchor ").append(a));
        s.clusters().ifPresent(c -> line.append(String.format(Locale.ROOT, ", cluster %d of %d (%d images)",
                c.chosen(), c.sizes().length, c.sizes()[c.chosen()])));
        line.append(String.format(Locale.ROOT, ", %.1f s", s.seconds()));
        metrics.ifPresent(m -> {
            line.append(String.format(Locale.ROOT, ", CCR %.2f (target %d", m.ccr(), m.target()));
            if (!m.targetName().equals(Integer.toString(m.target()))) {
                line.append(' ').append(m.targetName());
            }
            line.append(')');
        });
        return line.toString();
    }
}
