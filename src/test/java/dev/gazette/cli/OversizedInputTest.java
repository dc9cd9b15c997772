package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs too large to keep in the bad-input corpus, made here: a 50 MB article, a megabyte on one line, 10,000
 * tags, a 100 KB title, a title of emoji only, device names of Windows as slugs. Each builds or is refused with a message naming
 * its file and line, and the rest of the site is published. The timeout only stops a hang; it is no speed target.
 */
class OversizedInputTest {

    @TempDir
    Path site;

    @Test
    @Timeout(120)
    void oversizedArticlesAreRefusedAtTheirLineOrBuiltAndTheRestIsPublished() throws IOException {
        Files.writeString(site.resolve("site.yaml"), "title: Desk\n");
        Path content = Files.createDirectories(site.resolve("content"));
        write(content.resolve("line.md"), "title: Long line\ndate: 2022-01-01", "word ".repeat(200_000));
        write(content.resolve("tags.md"), "title: Many tags\ndate: 2022-01-02\ntags: ["
                + IntStream.range(0, 10_000).mapToObj(i -> "tag" + i).collect(Collectors.joining(", ")) + "]", "Text.");
        write(content.resolve("title.md"), "title: " + "Titre ".repeat(17_000) + "\ndate: 2022-01-03", "Text.");
        write(content.resolve("emoji.md"), "title: \"🔥🔥🔥\"\ndate: 2022-01-04", "Text.");
        write(content.resolve("slug.md"), "title: Auxiliary\nslug: aux\ndate: 2022-01-05", "Text.");
        write(content.resolve("con.md"), "title: Con\ndate: 2022-01-06", "Text.");
        // 50 MB of real paragraphs (a scraper that saved a whole archive as one article)
        String paragraph = "Le conseil municipal a voté le budget après une longue séance, selon nos informations.\n\n";
        try (var huge = Files.newBufferedWriter(content.resolve("huge.md"))) {
            huge.write("---\ntitle: Whole archive\ndate: 2022-01-07\n---\n\n");
            for (long written = 0; written < 50L << 20; written += paragraph.length()) {
                huge.write(paragraph);
            }
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(site, new PrintWriter(out, true), new PrintWriter(err, true), "build", ".");
        String messages = err.toString();

        assertThat(code).as(messages).isZero();
        assertThat(messages).contains("content/tags.md:4: error, file skipped: tags: 10,000 tags; an article has at most 200")
                .contains("content/title.md:2: error, file skipped: title: 101,999 characters; a headline has at most 1,000")
                .contains("content/slug.md:3: warning: slug: 'aux' is a device name on Windows")
                .contains("content/huge.md: error, file skipped: the file has 51 MB; an article may have 16 MB at most")
                .doesNotContain("Exception").doesNotContain("internal error");
        Path output = site.resolve("public/2022/01");
        assertThat(Files.readString(output.resolve("long-line/index.html"))).hasSizeGreaterThan(1_000_000);
        // a title with no letter to put in a URL takes the file's name; a headline that is a device name a suffix
        assertThat(output.resolve("emoji/index.html")).exists();
        assertThat(output.resolve("con-1/index.html")).exists();
        assertThat(output.resolve("aux/index.html")).exists();
        assertThat(output.resolve("many-tags")).doesNotExist();
        assertThat(output.resolve("whole-archive")).doesNotExist();
        assertThat(site.resolve("public/tags/tag0")).doesNotExist();
        assertThat(out.toString()).contains("Left out 3 files with errors");
    }

    private static void write(Path file, String frontMatter, String body) throws IOException {
        Files.writeString(file, "---\n" + frontMatter + "\n---\n\n" + body + "\n");
    }
}
