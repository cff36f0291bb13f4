package org.nlb.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One entry of a selector's {@code <probe>.by_epoch} list in {@code results.json} (issue 7,
 * {@code probe.at_epochs}): the figures of the victim's and the clean encoder's snapshots after
 * {@code epoch}; the last entry is the final encoders'.
 *
 * @param epoch the epoch of the victims' schedule
 * @param figures the metrics measured at that epoch, over the seeds
 */
public record EpochPoint(int epoch, Map<Metric, Stat> figures) {
    public EpochPoint {
        figures = Collections.unmodifiableMap(figures.isEmpty() ? new EnumMap<>(Metric.class) : new EnumMap<>(figures));
    }

    /** The metric at this epoch, or missing. */
    public Stat stat(Metric metric) {
        return figures.getOrDefault(metric, Stat.missing());
    }
}
