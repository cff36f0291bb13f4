package org.nlb.compute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The environment variables that choose PyTorch's CPU kernels, as this process got them. They
 * are read by the native library when it loads, so only the process's parent can set them: the
 * {@code nlb} launcher ({@code NLB_KERNELS}), and a run's lanes inherit them.
 *
 * <p>Three libraries inside PyTorch each pick the widest instruction set the CPU offers:
 * oneDNN for convolutions ({@code DNNL_MAX_CPU_ISA}), ATen for its own vectorised operations
 * ({@code ATEN_CPU_CAPABILITY}) and MKL for matrix products ({@code MKL_CBWR}). Pinning all three
 * to AVX2 is the {@link Mode#PORTABLE} mode: the same code paths on every x86-64 CPU with AVX2
 * (not the same digits: README, "Kernel choice"); the launcher's default is {@link Mode#NATIVE}.
 */
public record KernelSettings(Optional<String> onednnIsa, Optional<String> atenCapability, Optional<String> mklCbwr,
        boolean cpuHasAvx512) {
    public static final String ONEDNN = "DNNL_MAX_CPU_ISA";
    public static final String ATEN = "ATEN_CPU_CAPABILITY";
    public static final String MKL = "MKL_CBWR";
    /** The values of {@link Mode#PORTABLE}, in the order ONEDNN, ATEN, MKL. */
    public static final List<String> PORTABLE_VALUES = List.of("AVX2", "avx2", "AVX2");

    /** How the kernels were chosen. */
    public enum Mode {
        /** All three pinned to their AVX2 code paths. */
        PORTABLE,
        /** None pinned: each library takes the widest instruction set of this CPU. */
        NATIVE,
        /** Any other combination. */
        CUSTOM
    }

    /** The settings of this process. */
    public static KernelSettings current() {
        return of(System::getenv, cpuFlagsHaveAvx512());
    }

    static KernelSettings of(Function<String, String> env, boolean cpuHasAvx512) {
        return new KernelSettings(value(env, ONEDNN), value(env, ATEN), value(env, MKL), cpuHasAvx512);
    }

    private static Optional<String> value(Function<String, String> env, String name) {
        return Optional.ofNullable(env.apply(name)).filter(v -> !v.isBlank());
    }

    public Mode mode() {
        List<Optional<String>> values = List.of(onednnIsa, atenCapability, mklCbwr);
        if (values.stream().allMatch(Optional::isEmpty)) {
            return Mode.NATIVE;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).map(PORTABLE_VALUES.get(i)::equalsIgnoreCase).orElse(false)) {
                return Mode.CUSTOM;
            }
        }
        return Mode.PORTABLE;
    }

    /** The settings as recorded in run.json: the mode, each variable (null when unset) and the CPU. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode().name().toLowerCase());
        out.put(ONEDNN, onednnIsa.orElse(null));
        out.put(ATEN, atenCapability.orElse(null));
        out.put(MKL, mklCbwr.orElse(null));
        out.put("cpu_avx512", cpuHasAvx512);
        return out;
    }

    private static boolean cpuFlagsHaveAvx512() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> List.of(line.split("\\s+")).contains("avx512f"))
                    .orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
