package org.nlb.cli;

import ai.djl.engine.Engine;
import org.nlb.NlbVersion;
import org.nlb.compute.TorchEngine;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code nlb --version}: our version, the platform, and the tensor engine DJL loaded with the
 * device it computes on (a CUDA build of libtorch shows {@code gpu(0)}; see README, "A GPU").
 */
final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "nlb " + NlbVersion.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            "OS " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                engine(),
        };
    }

    private static String engine() {
        Engine engine = TorchEngine.get();
        return engine.getEngineName() + " " + engine.getVersion() + " through DJL " + Engine.getDjlVersion()
                + ", device " + engine.defaultDevice();
    }
}
