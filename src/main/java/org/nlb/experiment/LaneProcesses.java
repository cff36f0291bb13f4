package org.nlb.experiment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a lane's task as a child JVM: the same Java, JVM options and class path as this process,
 * the same {@code nlb run} arguments, plus the hidden {@code --lane-task} and {@code --lane-threads}
 * options, and PyTorch's thread pool sized to the lane's share (it is fixed when the engine loads).
 */
public final class LaneProcesses implements LaneScheduler.Launcher {
    /** The option that makes {@code nlb run} run one {@link LaneTask} of an existing run directory. */
    public static final String TASK_OPTION = "--lane-task";
    /** The lane's thread count. */
    public static final String THREADS_OPTION = "--lane-threads";
    private static final String TORCH_THREADS = "-Dai.djl.pytorch.num_threads=";
    /** The run's process id, for the lane's watchdog. */
    private static final String PARENT_ENV = "NLB_LANE_PARENT";

    private final String mainClass;
    private final List<String> args;

    /**
     * @param mainClass the command line's main class
     * @param args the arguments {@code nlb run} was given, {@code run} included
     */
    public LaneProcesses(String mainClass, List<String> args) {
        this.mainClass = mainClass;
        this.args = List.copyOf(args);
    }

    @Override
    public Process start(LaneTask task, int threads, Path log, Path report) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger's agent would clash on its port; the thread pool is set below
            if (!option.startsWith(TORCH_THREADS) && !option.contains("jdwp")) {
                command.add(option);
            }
        }
        command.add(TORCH_THREADS + threads);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        command.addAll(List.of(TASK_OPTION, task.id(), THREADS_OPTION, Integer.toString(threads)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(report.toFile());
        builder.environment().put(PARENT_ENV, Long.toString(ProcessHandle.current().pid()));
        return builder.start();
    }

    /**
     * In a lane: ends this process as soon as the run that started it is gone (killed with
     * SIGKILL, it cannot stop its lanes itself). The run's pid comes from the environment, not
     * from this process's parent, which after an early kill is already whoever adopted it.
     */
    static void stopWithTheRun() {
        String pid = System.getenv(PARENT_ENV);
        if (pid == null || !pid.matches("\\d{1,18}")) {
            return; // started by hand: nothing to watch
        }
        ProcessHandle.of(Long.parseLong(pid)).ifPresentOrElse(
                run -> run.onExit().thenRun(() -> Runtime.getRuntime().halt(3)), () -> Runtime.getRuntime().halt(3));
    }
}
