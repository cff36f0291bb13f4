package org.nlb.poison.select;

import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nlb.data.Labels;
import org.nlb.io.BadInputException;

/**
 * {@code label-aware} (DESIGN §2): the oracle upper bound that knows the labels. M images drawn
 * without replacement from one class, in the order drawn (the reference's {@code target} selector
 * shuffles the class and takes M). The class is {@code --target} if given, otherwise one of the
 * classes with at least M images, drawn with the seed.
 */
final class LabelAwareSelector implements PoisonSelector {
    private final Labels labels;
    private final OptionalInt target;
    private final long seed;

    LabelAwareSelector(Labels labels, OptionalInt target, long seed) {
        this.labels = labels;
        this.target = target;
        this.seed = seed;
    }

    @Override
    public Choice select(FeatureMatrix features, Budget budget) {
        if (labels.size() != features.rows()) {
            throw new BadInputException("--labels", labels.size() + " labels for " + features.rows() + " feature rows");
        }
        int m = budget.images();
        int[] counts = labels.classCounts();
        SplittableRandom random = new SplittableRandom(seed);
        int cls;
        if (target.isPresent()) {
            cls = target.getAsInt();
            if (cls >= counts.length) {
                throw new BadInputException("--target", "class " + cls + " does not exist; the labels have classes 0 … "
                        + (counts.length - 1));
            }
            if (counts[cls] < m) {
                throw new BadInputException("--target", "class " + cls + " has " + counts[cls]
                        + " images, fewer than the budget M = " + m);
            }
        } else {
            int[] eligible = IntStream.range(0, counts.length).filter(c -> counts[c] >= m).toArray();
            if (eligible.length == 0) {
                throw new BadInputException("--budget", "no class has M = " + m + " images (the largest has "
                        + IntStream.of(counts).max().orElse(0) + ")");
            }
            cls = eligible[random.nextInt(eligible.length)];
        }
        int chosen = cls;
        int[] members = IntStream.range(0, labels.size()).filter(i -> labels.get(i) == chosen).toArray();
        return Choice.of(RandomSelector.draw(members, m, random));
    }
}
