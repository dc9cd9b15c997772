package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.problem.Problem;
import dev.gazette.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFilesTest {

    @TempDir
    Path dir;

    private final Problems problems = new Problems();

    private List<String> walk(Path site, boolean followExternal) throws IOException {
        return new SiteFiles(site, followExternal, problems).walk(site.resolve("content"), f -> false, f -> true)
                .stream().map(f -> site.resolve("content").relativize(f.file()).toString()).toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void linksInsideTheSiteAreFollowedAndNamedByTheLink() throws IOException {
        Path site = dir.resolve("site");
        write(site.resolve("shared/wire/a.md"), "a");
        write(site.resolve("content/own.md"), "b");
        Files.createSymbolicLink(site.resolve("content/wire"), Path.of("../shared/wire"));
        Files.createSymbolicLink(site.resolve("content/alias.md"), Path.of("own.md"));

        assertThat(walk(site, false)).containsExactly("alias.md", "own.md", "wire/a.md");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void linksOutsideTheSiteAreReadOnlyWhenTheSiteOptsIn() throws IOException {
        Path site = dir.resolve("site");
        write(dir.resolve("elsewhere/secret.md"), "s");
        write(site.resolve("content/own.md"), "b");
        Files.createSymbolicLink(site.resolve("content/secret.md"), dir.resolve("elsewhere/secret.md"));

        assertThat(walk(site, false)).containsExactly("own.md");
        assertThat(problems.sorted()).extracting(Problem::message).singleElement().asString()
                .contains("outside the site folder, is not read");
        assertThat(walk(site, true)).containsExactly("own.md", "secret.md");
    }

    @Test
    void loopsThroughTwoLinksAreCaughtAndBrokenLinksSkipped() throws IOException {
        Path site = dir.resolve("site");
        write(site.resolve("content/a/one.md"), "1");
        write(site.resolve("content/b/two.md"), "2");
        Files.createSymbolicLink(site.resolve("content/a/to-b"), Path.of("../b"));
        Files.createSymbolicLink(site.resolve("content/b/to-a"), Path.of("../a"));
        Files.createSymbolicLink(site.resolve("content/gone.md"), Path.of("nowhere.md"));

        List<String> found = walk(site, false);

        // each folder is read directly and once through the other's link; the link back is the loop
        assertThat(found).contains("a/one.md", "b/two.md", "a/to-b/two.md", "b/to-a/one.md");
        assertThat(problems.sorted()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("(a loop); it is skipped"))
                .anySatisfy(m -> assertThat(m).contains("missing or unreadable file (nowhere.md)"));
    }
}
