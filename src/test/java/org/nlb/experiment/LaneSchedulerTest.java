package org.nlb.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlb.io.BadInputException;

/**
 * The order and the failure handling of {@link LaneScheduler}, with shell processes standing in
 * for the lanes' JVMs: a victim starts only after its seed's clean task ended well, no more than
 * {@code lanes} tasks run at once, and a failed task stops the others and names itself.
 */
class LaneSchedulerTest {
    private static final String REPORT = "echo '{\"trained_image_epochs\": 1000, \"training_seconds\": 2}'";

    @TempDir
    Path tmp;

    /** Starts {@code sh -c script(task)} like a lane: stderr into the log, stdout into the report. */
    private record Shell(Function<LaneTask, String> script, List<String> problems, Map<String, Process> started,
                         int lanes) implements LaneScheduler.Launcher {
        Shell(Function<LaneTask, String> script, int lanes) {
            this(script, new ArrayList<>(), new HashMap<>(), lanes);
        }

        @Override
        public Process start(LaneTask task, int threads, Path log, Path report) throws java.io.IOException {
            long alive = started.values().stream().filter(Process::isAlive).count();
            if (alive >= lanes) {
                problems.add(task.id() + " started beside " + alive + " running tasks");
            }
            if (task.selector().isPresent()) {
                Process clean = started.get(LaneTask.clean(task.seed()).id());
                if (clean == null || clean.isAlive() || clean.exitValue() != 0) {
                    problems.add(task.id() + " started before its seed's clean task ended well");
                }
            }
            Process p = new ProcessBuilder("sh", "-c", script.apply(task)).redirectError(log.toFile())
                    .redirectOutput(report.toFile()).start();
            started.put(task.id(), p);
            return p;
        }
    }

    private LaneScheduler scheduler(Shell shell, StringWriter err) {
        return new LaneScheduler(shell, shell.lanes(), 1, tmp, List.of(0L, 1L, 2L), List.of("contrastive", "random"),
                1000, 1000, new PrintWriter(err, true));
    }

    @Test
    void victimsWaitForTheirSeedsCleanTaskAndNoMoreThanTheLanesRunAtOnce() {
        Shell shell = new Shell(task -> "sleep 0.2; " + REPORT, 2);
        StringWriter err = new StringWriter();
        LaneScheduler lanes = scheduler(shell, err);
        lanes.run(2, 1 + lanes.taskCount());
        assertThat(shell.problems()).isEmpty();
        assertThat(shell.started().keySet()).containsExactlyInAnyOrder("s0", "s1", "s2", "s0-contrastive", "s0-random",
                "s1-contrastive", "s1-random", "s2-contrastive", "s2-random");
        assertThat(err.toString().lines().filter(l -> l.matches("\\[\\d+/10] lane [12]: .*"))).hasSize(9);
        assertThat(err.toString()).contains("[2/10] lane 1: pretrain-clean-s0", "[3/10] lane 2: pretrain-clean-s1",
                "run ETA unknown", "lane 2: s1 done in");
        assertThat(err.toString().lines().filter(l -> l.contains("run ETA ") && !l.contains("unknown")))
                .as("an ETA once a task reported its speed").isNotEmpty();
    }

    @Test
    void aFailedTaskStopsTheOthersAndIsNamedWithItsErrorAndLog() throws Exception {
        Shell shell = new Shell(task -> task.id().equals("s1") ? "sleep 0.3; echo 'error: internal: boom' >&2; exit 1"
                : "sleep 60; " + REPORT, 2);
        LaneScheduler lanes = scheduler(shell, new StringWriter());
        assertThatThrownBy(() -> lanes.run(2, 10)).isInstanceOf(LaneFailedException.class)
                .hasMessage("lane task s1 exited with status 1: internal: boom; its log: " + tmp.resolve("lanes/s1.log"));
        Process other = shell.started().get("s0");
        assertThat(other.waitFor(10, TimeUnit.SECONDS)).as("the other lane is stopped").isTrue();
        assertThat(shell.started()).containsOnlyKeys("s0", "s1");
    }

    @Test
    void aTaskRefusingBadInputGivesTheRunItsErrorLine() {
        Shell shell = new Shell(task -> "echo 'error: /data/train.gz: truncated at byte 12' >&2; exit 2", 1);
        LaneScheduler lanes = scheduler(shell, new StringWriter());
        assertThatThrownBy(() -> lanes.run(2, 10)).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.subject()).isEqualTo("/data/train.gz");
            assertThat(e.problem()).isEqualTo("truncated at byte 12");
        });
    }

    @Test
    void taskIdsRoundTripAndBadOnesAreRefused() {
        assertThat(LaneTask.parse("s12-label-aware", "--lane-task")).isEqualTo(LaneTask.victim(12, "label-aware"));
        assertThat(LaneTask.parse("s3", "--lane-task")).isEqualTo(LaneTask.clean(3));
        assertThat(LaneTask.victim(4, "kmeans").id()).isEqualTo("s4-kmeans");
        assertThatThrownBy(() -> LaneTask.parse("seed0", "--lane-task")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected s<seed> or s<seed>-<selector>");
    }
}
