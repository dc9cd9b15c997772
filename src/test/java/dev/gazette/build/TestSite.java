package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A site written file by file into a temporary folder, built for real, and read back with jsoup. */
public final class TestSite {

    /** Builds judge "future" and "expired" against this moment, so tests never depend on the clock. */
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Path root;

    public TestSite(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path output() {
        return root.resolve("public");
    }

    public TestSite file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestSite bytes(String path, byte[] bytes) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An article with the given front matter lines and body. */
    public TestSite article(String path, String frontMatter, String body) {
        return file("content/" + path, "---\n" + frontMatter.strip() + "\n---\n\n" + body);
    }

    public BuildResult build() {
        return build(false, false);
    }

    /** A build that fails on an error in any article file instead of leaving the file out. */
    public BuildResult buildStrict() {
        return build(false, false, true);
    }

    public BuildResult build(boolean drafts, boolean future) {
        return build(drafts, future, false);
    }

    private BuildResult build(boolean drafts, boolean future, boolean strict) {
        try {
            return new SiteBuilder("test").build(new BuildRequest(root, null, drafts, future, null, 2, NOW, false,
                    strict));
        } catch (BuildException e) {
            throw new AssertionError(e);
        }
    }

    /** Builds and fails the test with every problem when the build does not succeed. */
    public BuildResult buildOk() {
        BuildResult result = build();
        assertThat(result.succeeded()).as(describe(result.problems())).isTrue();
        return result;
    }

    public boolean exists(String outputPath) {
        return Files.isRegularFile(output().resolve(outputPath));
    }

    public String read(String outputPath) {
        try {
            return Files.readString(output().resolve(outputPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Document page(String outputPath) {
        return Jsoup.parse(read(outputPath));
    }

    /** Every file under a folder by relative path, as text: for comparing two outputs. */
    public static Map<String, String> texts(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    public static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.format(null)).collect(Collectors.joining("\n"));
    }
}
