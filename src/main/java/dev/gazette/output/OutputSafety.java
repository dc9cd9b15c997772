package dev.gazette.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Refuses output folders whose replacement would destroy something that is not generated output: the site
 * itself or any folder holding it, its sources, the file system root, the home folder.
 */
public final class OutputSafety {

    private static final List<String> SOURCE_FOLDERS = List.of("content", "templates", "static", "data", "i18n");

    private OutputSafety() {
    }

    /** Why {@code output} must not be used for {@code site}, or empty when it is safe. */
    public static Optional<String> refusal(Path site, Path output, Path home) {
        Path siteRoot = site.toAbsolutePath().normalize();
        Path out = output.toAbsolutePath().normalize();
        if (out.getParent() == null) {
            return Optional.of("refusing to use the file system root " + out + " as the output folder");
        }
        if (home != null) {
            Path homeDir = home.toAbsolutePath().normalize();
            if (homeDir.startsWith(out)) {
                return Optional.of("refusing to use " + out + " as the output folder: it is or holds the home folder");
            }
        }
        if (siteRoot.startsWith(out)) {
            return Optional.of("refusing to use " + out + " as the output folder: it is or holds the site folder "
                    + siteRoot + ", which the build would replace");
        }
        for (String folder : SOURCE_FOLDERS) {
            Path source = siteRoot.resolve(folder);
            if (out.startsWith(source)) {
                return Optional.of("refusing to use " + out + " as the output folder: it is inside the site's "
                        + folder + "/ folder");
            }
        }
        return Optional.empty();
    }
}
