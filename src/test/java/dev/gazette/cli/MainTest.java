package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void buildPrintsOneSummaryLineAndExitsZero() throws IOException {
        write("content/a.md", "---\ntitle: A\ndate: 2022-01-01\n---\nText.\n");
        int code = run("build", dir.toString(), "-o", dir.resolve("out").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).matches("Built \\d+ pages from 1 article into .*out \\(\\d+ files changed\\) in \\d+\\.\\d\\d s\\.\\R");
        assertThat(Files.isRegularFile(dir.resolve("out/2022/01/a/index.html"))).isTrue();
    }

    @Test
    void everyContentProblemIsPrintedAsPathLineMessageWithoutStackTrace() throws IOException {
        write("content/a.md", "---\ntitle: A\ndate: someday\n---\n");
        write("content/b.md", "---\ntitle: [B\n---\n");
        int code = run("build", dir.toString(), "--strict");
        assertThat(code).isEqualTo(ExitCodes.CONTENT);
        String errors = err.toString();
        assertThat(errors).containsPattern("(?m)^.*content/a\\.md:3: date: cannot read 'someday' as a date");
        assertThat(errors).containsPattern("(?m)^.*content/b\\.md:\\d+: invalid YAML");
        assertThat(errors).contains("Build failed: 2 errors");
        assertThat(errors).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void withoutStrictArticleFilesWithErrorsAreLeftOutAndTheRestIsPublished() throws IOException {
        write("content/a.md", "---\ntitle: A\ndate: someday\n---\n");
        write("content/b.md", "---\ntitle: B\ndate: 2022-01-02\n---\nFine.\n");
        int code = run("build", dir.toString(), "-o", dir.resolve("out").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).containsPattern("(?m)^.*content/a\\.md:3: error, file skipped: date: cannot read 'someday'");
        assertThat(out.toString()).contains("Left out 1 file with errors (listed above; --strict fails the build instead).");
        assertThat(dir.resolve("out/2022/01/b/index.html")).isRegularFile();
    }

    @Test
    void aHundredProblemsAreListedAndTheRestCounted() throws IOException {
        for (int i = 0; i < 130; i++) {
            write("content/bad" + i + ".md", "---\ntitle: Bad " + i + "\ndate: someday\n---\n");
        }
        write("content/good.md", "---\ntitle: Good\ndate: 2022-01-02\n---\nFine.\n");
        int code = run("build", dir.toString(), "-o", dir.resolve("out").toString());
        assertThat(code).isZero();
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(101);
        assertThat(lines.get(100)).isEqualTo("... and 30 more (30 of them errors); fix the ones above and build again.");
        assertThat(out.toString()).contains("Left out 130 files with errors");
    }

    @Test
    void aSecondBuildOfTheSameOutputAtOnceIsRefusedClearly() throws Exception {
        write("content/a.md", "---\ntitle: A\ndate: 2022-01-01\n---\nText.\n");
        Path lockFile = dir.resolve(".out.gazette-lock");
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE); var held = channel.lock()) {
            int code = run("build", dir.toString(), "-o", dir.resolve("out").toString());
            assertThat(code).isEqualTo(ExitCodes.IO);
            assertThat(err.toString()).contains("another build is writing").contains("wait for it to end");
            assertThat(dir.resolve("out")).doesNotExist();
        }
        err.getBuffer().setLength(0);
        assertThat(run("build", dir.toString(), "-o", dir.resolve("out").toString())).as(err.toString()).isZero();
    }

    @Test
    void checkReportsBrokenLinksAndProblemsWithoutTouchingTheOutput() throws IOException {
        write("content/a.md", "---\ntitle: A\ndate: 2022-01-01\n---\nSee [the archive](/2021/) and [top](#nowhere).\n");
        write("public/keep.txt", "mine");
        int code = run("check", dir.toString());
        assertThat(code).isEqualTo(ExitCodes.CONTENT);
        assertThat(err.toString()).contains("2022/01/a/index.html: link to '/2021/' leads to no page or file")
                .contains("link to '#nowhere' leads to no page or file").contains("2 problems found.");
        assertThat(Files.readString(dir.resolve("public/keep.txt"))).isEqualTo("mine");
        assertThat(Files.exists(dir.resolve("public/index.html"))).isFalse();

        write("content/a.md", "---\ntitle: A\ndate: 2022-01-01\n---\nSee [the archive](/2022/).\n");
        assertThat(run("check", dir.toString())).isZero();
        assertThat(out.toString()).contains("No problems");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("build", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option");
        assertThat(run("build", "--jobs", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aDangerousOutputFolderIsRefusedAsAUsageError() throws IOException {
        write("content/a.md", "---\ntitle: A\ndate: 2022-01-01\n---\n");
        assertThat(run("build", dir.toString(), "-o", dir.resolve("content").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("refusing");
        assertThat(Files.exists(dir.resolve("content/a.md"))).isTrue();
    }

    @Test
    void versionAndHelpAnswer() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("gazette ").doesNotContain("unknown");
        assertThat(run("build", "--help")).isZero();
        assertThat(out.toString()).contains("--drafts").contains("--future").contains("--output");
    }
}
