package org.nlb.compute;

import ai.djl.engine.Engine;

/**
 * The DJL PyTorch engine, configured before its first use. The native library comes from the
 * {@code pytorch-native-cpu} jar on the class path and is unpacked once into DJL's cache
 * ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}); {@code ai.djl.offline=true} forbids any download.
 *
 * <p>Threads: PyTorch's intra-op pool (which runs the BLAS products) gets all cores unless the
 * user set {@code -Dai.djl.pytorch.num_threads=N}; the inter-op pool gets one thread, as nlb
 * issues one operation at a time. Both are fixed when the engine loads, once per process.
 */
public final class TorchEngine {
    private static final String ENGINE = "PyTorch";

    private TorchEngine() {}

    /** The configured engine (loads it on first use). */
    public static synchronized Engine get() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // DJL logs through SLF4J and nlb ships no SLF4J backend: keep its "no providers" notice off the terminal.
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
        return Engine.getEngine(ENGINE);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
