package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of the repository's sample site in two separate Java processes give the same bytes. Within one
 * process iteration orders that vary between runs (Map.of, Set.of, HashMap of strings under a different hash
 * seed) look stable, so only separate runs catch them.
 */
class SeparateRunsTest {

    @TempDir
    Path dir;

    @Test
    void theSampleSiteBuildsToTheSameBytesInTwoProcesses() throws Exception {
        Path site = Path.of("").toAbsolutePath();
        assertThat(site.resolve("site.yaml")).as("run from the repository root").isRegularFile();
        Map<String, String> first = build(site, dir.resolve("one"));
        Map<String, String> second = build(site, dir.resolve("two"));
        assertThat(first).isNotEmpty();
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((path, text) -> assertThat(second.get(path)).as(path).isEqualTo(text));
    }

    private static Map<String, String> build(Path site, Path output) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "build", "-q", "--clean", site.toString(), "-o", output.toString())
                .redirectErrorStream(true).redirectOutput(output.resolveSibling(output.getFileName() + ".log").toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(output.resolveSibling(output.getFileName() + ".log")))
                .isZero();
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(output.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
