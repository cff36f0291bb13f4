package org.nlb.poison.select;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.nlb.NlbVersion;
import org.nlb.artefact.PoisonFile;
import org.nlb.io.JsonArtefacts;

/**
 * A selection as {@code poison.json} ({@link PoisonFile}, DESIGN §7): the strategy, N, the budget
 * and how it was reached, the indices, the anchor (contrastive family), seed and seconds; CCR,
 * target and class histogram when labels were given; then provenance (the features file, the
 * settings, the k-means clusters, the nlb version).
 */
public final class SelectionFile {
    private SelectionFile() {}

    /** Where the selection came from, recorded for provenance. */
    public record Provenance(Path features, Optional<String> labels, Optional<Path> subset) {}

    /** The poison.json of {@code s}. */
    public static PoisonFile of(Selection s, Optional<SelectionMetrics> metrics, Provenance from) {
        Optional<PoisonSelector.ClusterChoice> clusters = s.clusters();
        return new PoisonFile(s.strategy().cliName(), s.n(), s.budget().images(),
                s.budget().rate().isPresent() ? s.budget().rate().getAsDouble() : Double.NaN,
                s.budget().classes().isPresent() ? s.budget().classes().getAsInt() : null, ints(s.indices()),
                s.anchor().isPresent() ? s.anchor().getAsInt() : null,
                s.anchorScore().isPresent() ? s.anchorScore().getAsDouble() : null, s.seed(),
                Math.round(s.seconds() * 1000) / 1000.0, metrics.map(SelectionMetrics::ccr).orElse(null),
                metrics.map(SelectionMetrics::target).orElse(null), metrics.map(SelectionMetrics::targetName).orElse(null),
                metrics.map(m -> ints(m.histogram())).orElse(null), boxed(s.options().anchorSample()),
                clusters.map(c -> c.sizes().length).orElse(null), clusters.map(c -> ints(c.sizes())).orElse(null),
                clusters.map(PoisonSelector.ClusterChoice::chosen).orElse(null), boxed(s.options().target()),
                from.features().toString(), from.labels().orElse(null), from.subset().map(Path::toString).orElse(null),
                NlbVersion.get());
    }

    /** Writes the selection to {@code out} atomically. */
    public static void write(Path out, Selection s, Optional<SelectionMetrics> metrics, Provenance from) {
        JsonArtefacts.write(out, of(s, metrics, from));
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static List<Integer> ints(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
