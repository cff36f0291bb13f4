package org.nlb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** nlb's own version, filled in by the build. */
public final class NlbVersion {
    private static final String VERSION = load();

    private NlbVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = NlbVersion.class.getResourceAsStream("/nlb-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
