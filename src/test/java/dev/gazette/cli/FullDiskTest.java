package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.build.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during a build: the output folder lives on a real 3 MB tmpfs, and a build that needs more
 * fails with the system's message and exit code 3, no stack trace, the previous output byte for byte as it was
 * and no staging folder left on the full disk; once there is room again the next build succeeds. Mounting needs
 * root (CI runs as root); elsewhere the test is skipped, and says so.
 */
class FullDiskTest {

    @TempDir
    Path dir;
    private Path disk;
    private boolean mounted;

    @Test
    void aFullDiskFailsTheBuildCleanlyAndLosesNothing() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.toString());
        Assumptions.assumeTrue(mounted, "mounting a small tmpfs needs root");
        TestSite site = new TestSite(dir.resolve("site")).file("site.yaml", "title: Desk\n");
        site.article("a.md", "title: First\ndate: 2022-01-01", "Text of the first story.");
        site.article("b.md", "title: Second\ndate: 2022-01-02", "Text of the second story.");
        Path output = disk.resolve("public");
        assertThat(build(site.root(), output).code()).isZero();
        Map<String, String> before = TestSite.texts(output);

        byte[] noise = new byte[3_200_000];
        new Random(7).nextBytes(noise);
        site.bytes("static/video/clip.bin", noise);
        site.article("c.md", "title: Third\ndate: 2022-01-03", "Text of the third story.");
        Result full = build(site.root(), output);
        assertThat(full.code()).as(full.err()).isEqualTo(ExitCodes.IO);
        assertThat(full.err()).contains("No space left on device").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(TestSite.texts(output)).isEqualTo(before);
        try (Stream<Path> left = Files.list(disk)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".public.gazette-"))
                    .toList()).containsExactly("public");
        }

        Files.delete(site.root().resolve("static/video/clip.bin"));
        Result room = build(site.root(), output);
        assertThat(room.code()).as(room.err()).isZero();
        assertThat(output.resolve("2022/01/third/index.html")).exists();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", disk.toString());
        }
    }

    private record Result(int code, String err) {
    }

    private static Result build(Path site, Path output) {
        StringWriter err = new StringWriter();
        int code = Main.run(site, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "build", ".",
                "-o", output.toString());
        return new Result(code, err.toString());
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
