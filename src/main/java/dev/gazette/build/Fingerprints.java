package dev.gazette.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.stream.Stream;

/** Cheap summaries of what can invalidate cached renders: Gazette's own code, a folder's files. */
final class Fingerprints {

    /** What is recorded of each file: its bytes, or only its size and time (for folders of big media). */
    @FunctionalInterface
    private interface FileDigest {
        String of(Path file) throws IOException;
    }

    private Fingerprints() {
    }

    /** Where Gazette's classes come from, with size and time: a rebuilt jar or class folder changes it. */
    static String code() {
        try {
            CodeSource source = Fingerprints.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "unknown";
            }
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                return location + ":" + files(location);
            }
            return location + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Every file under a folder with its bytes, as one digest ("" when there is no folder): for small folders. */
    static String contents(Path folder) {
        return digest(folder, file -> BuildCache.hash(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
    }

    /** Every file under a folder with its size and modification time, as one digest ("" when there is no folder). */
    static String files(Path folder) {
        return digest(folder, file -> Files.size(file) + "\t" + Files.getLastModifiedTime(file).toMillis());
    }

    private static String digest(Path folder, FileDigest perFile) {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            StringBuilder all = new StringBuilder();
            walk.filter(Files::isRegularFile).sorted().forEach(file -> {
                try {
                    all.append(folder.relativize(file)).append('\t').append(perFile.of(file)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return BuildCache.hash(all.toString());
        } catch (IOException | UncheckedIOException e) {
            // an unreadable folder must not match any earlier build
            return "unreadable:" + System.nanoTime();
        }
    }
}
