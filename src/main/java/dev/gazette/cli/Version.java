package dev.gazette.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven built, from the jar manifest or, when run from classes, the filtered resource. */
public final class Version implements IVersionProvider {

    public static String current() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "unknown";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"gazette " + current(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
