package org.nlb.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlb.io.AtomicOutput;

/**
 * Writes {@code log.csv}: one row per finished epoch ({@link EpochStats#CSV_HEADER}). The file is
 * rewritten whole and atomically after each epoch, starting from the epochs a resumed run had
 * already finished, so that after a {@code kill -9} it never holds a half row or an epoch the
 * checkpoint does not.
 */
public final class CsvLog implements TrainingListener {
    public static final String FILE = "log.csv";

    private final Path file;
    private final List<EpochStats> rows = new ArrayList<>();

    public CsvLog(Path file) {
        this.file = file;
    }

    @Override
    public void onStart(TrainingPlan plan) {
        rows.clear();
        rows.addAll(plan.history());
        write();
    }

    @Override
    public void onEpochEnd(EpochStats epoch, PretrainSession session) {
        rows.add(epoch);
        write();
    }

    private void write() {
        StringBuilder text = new StringBuilder(EpochStats.CSV_HEADER).append('\n');
        for (EpochStats row : rows) {
            text.append(row.csvRow()).append('\n');
        }
        AtomicOutput.writeString(file, text.toString());
    }
}
