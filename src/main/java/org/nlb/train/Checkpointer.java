package org.nlb.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link Checkpoint} after every finished epoch, replacing the previous one atomically. */
public final class Checkpointer implements TrainingListener {
    private final Path file;
    private final ObjectNode record;
    private final List<EpochStats> history = new ArrayList<>();

    public Checkpointer(Path file, ObjectNode record) {
        this.file = file;
        this.record = record;
    }

    @Override
    public void onStart(TrainingPlan plan) {
        history.clear();
        history.addAll(plan.history());
    }

    @Override
    public void onEpochEnd(EpochStats epoch, PretrainSession session) {
        history.add(epoch);
        new Checkpoint(epoch.epoch(), session.step(), record, history).write(file, session);
    }
}
