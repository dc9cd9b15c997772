package dev.gazette.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gazette.build.BuildRequest;
import dev.gazette.build.BuildResult;
import dev.gazette.build.SiteBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every HTML file of the repository's sample site passes the Nu Html Checker (the W3C's validator) with no
 * error. Needs vnu.jar, installed by {@code npm install --prefix test-tools vnu-jar@26.9.27} (.ci/run does it).
 */
class HtmlValidityTest {

    private static final Path VNU = Path.of("test-tools/node_modules/vnu-jar/build/dist/vnu.jar");

    @TempDir
    Path dir;

    @Test
    void everyPageOfTheSampleSiteHasNoNuHtmlCheckerError() throws Exception {
        if (!Files.isRegularFile(VNU)) {
            fail("this test needs the Nu Html Checker: npm install --prefix test-tools vnu-jar@26.9.27 (.ci/run does it)");
        }
        Path site = dir.resolve("public");
        BuildResult result = new SiteBuilder("test").build(new BuildRequest(Path.of("").toAbsolutePath(), site,
                false, false, null, 2, Instant.now(), true));
        assertThat(result.succeeded()).as(result.problems().toString()).isTrue();
        List<String> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).map(Path::toString).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThan(50);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", VNU.toString(), "--errors-only",
                "--format", "text"));
        command.addAll(pages);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the Nu Html Checker did not finish");
        }
        assertThat(report.strip()).isEqualTo("Document checking completed. No errors found.");
        assertThat(process.exitValue()).isZero();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
