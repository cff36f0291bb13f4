package org.nlb.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.nlb.io.BadInputException;

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
    /** The SHA-256 of the run's resolved configuration, which the lane must resolve too. */
    public static final String CONFIG_OPTION = "--lane-config";
    private static final String TORCH_THREADS = "-Dai.djl.pytorch.num_threads=";
    /** The run's process id, for the lane's watchdog. */
    private static final String PARENT_ENV = "NLB_LANE_PARENT";

    /** Held for the life of a lane's process (an unreachable channel would be closed, and its lock freed). */
    private static FileLock taskLock;

    private final String mainClass;
    private final List<String> args;
    private final String configSha256;

    /**
     * @param mainClass the command line's main class
     * @param args the arguments {@code nlb run} was given, {@code run} included
     * @param config the run's resolved configuration ({@link ConfigLoader.Loaded#json()})
     */
    public LaneProcesses(String mainClass, List<String> args, String config) {
        this.mainClass = mainClass;
        this.args = List.copyOf(args);
        this.configSha256 = sha256(config);
    }

    static String sha256(String config) {
        return StageKey.sha256(config.getBytes(StandardCharsets.UTF_8));
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
        command.addAll(List.of(TASK_OPTION, task.id(), THREADS_OPTION, Integer.toString(threads), CONFIG_OPTION,
                configSha256));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(report.toFile());
        builder.environment().put(PARENT_ENV, Long.toString(ProcessHandle.current().pid()));
        return builder.start();
    }

    /**
     * In a lane: refuses to train what the run did not plan. A lane reads the config file and the
     * preset again when it starts, possibly an hour after the run did; an edit in between would
     * train other stages than the run reads back.
     */
    static void checkSameConfig(ConfigLoader.Loaded loaded, String expectedSha256) {
        if (!sha256(loaded.json()).equals(expectedSha256)) {
            throw new BadInputException(loaded.configFile().map(Path::toString).orElse("--preset " + loaded.preset()),
                    "the configuration changed after the run started; run the same command again to continue with it");
        }
    }

    /**
     * In a lane: holds {@code DIR/lanes/<task>.lock} until this process ends, so that a lane of a
     * killed run that has not noticed yet (it polls for the run's end) and the same task of the
     * run that continues it never write the same stage together; the second waits.
     */
    static void holdTaskLock(Path runDir, LaneTask task) {
        try {
            FileChannel channel = FileChannel.open(runDir.resolve(LaneScheduler.LANES_DIR).resolve(task.id() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            taskLock = channel.lock(); // released by the operating system when the process ends
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the lane's task " + task.id(), e);
        }
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
