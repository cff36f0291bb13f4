package org.nlb.cli;

import org.nlb.NlbVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code nlb --version}: our version and the platform it runs on. */
final class VersionInfo implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "nlb " + NlbVersion.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            "OS " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores",
        };
    }
}
