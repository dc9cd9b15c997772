package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with SIGKILL (a CI runner out of time, a pulled plug) at any moment loses nothing: killed while it
 * reads and renders, it leaves the previous output byte for byte as it was; killed while it publishes, it leaves
 * its journal, and the next build first finishes that publishing; killed after it published, the output is the
 * new site whole; either way the next build gives what a clean build gives. Builds run in a process of their own,
 * each changing every page (the site's title) and one article, killed at a random moment between a tenth of a full
 * build's measured time and a little past its end, round after round. A build killed while it published leaves a
 * journal: until a build ends without one, the output may also be the whole site of any such build, whose
 * publishing a later build finished before it was killed in turn. (Each step of the journal is tested one by one in
 * OutputFolderTest.)
 */
class KilledBuildTest {

    @TempDir
    Path dir;

    @Test
    void aBuildKilledAtAnyMomentLosesNothingAndTheNextBuildIsClean() throws Exception {
        TestSite site = new TestSite(dir.resolve("site"));
        for (int i = 0; i < 300; i++) {
            site.article("news/story-" + i + ".md", "title: Story " + i + "\ndate: 2022-01-" + String.format("%02d", 1 + i % 28)
                    + "\ntags: [t" + (i % 17) + ", u" + (i % 5) + "]", ("Paragraph " + i + " of the story, with words. ").repeat(40));
        }
        Path output = site.root().resolve("public");
        long started = System.nanoTime();
        assertThat(run(site.root(), output, -1)).isZero();
        int buildMs = (int) ((System.nanoTime() - started) / 1_000_000);
        Random random = new Random(42);
        int killed = 0;
        // the whole sites of builds killed while they published: their journal makes a later build finish that
        // publishing first, so until a build ends with no journal left the output may also be one of them (a build
        // killed while it finished an older round's publishing leaves that older journal in place)
        List<Map<String, String>> unfinished = new java.util.ArrayList<>();
        for (int round = 0; round < 8; round++) {
            Map<String, String> before = snapshot(output);
            // an edit that changes every page, for the build to publish, then the build killed at some moment
            site.file("site.yaml", "title: Edition " + round + "\n");
            site.article("news/story-" + round + ".md", "title: Story " + round + " edited\ndate: 2022-01-01", "New text " + round + ".");
            int code = run(site.root(), output, buildMs / 10 + random.nextInt(buildMs + 1));
            boolean journal = Files.exists(output.resolveSibling(".public.publishing"));
            if (code == KILLED) {
                killed++;
                Map<String, String> now = snapshot(output);
                if (!journal && !now.equals(before) && !unfinished.contains(now)) {
                    // killed after it had published whole (its last milliseconds, leaving the process): the new site
                    Path reference = dir.resolve("reference-" + round);
                    assertThat(run(site.root(), reference, -1)).isZero();
                    assertThat(now).as("round " + round + ": the output after a killed build, neither the previous"
                            + " nor the new one, nor one whose publishing a journal left").isEqualTo(snapshot(reference));
                }
            } else {
                assertThat(code).as("round " + round + ": a build that ended before the kill").isZero();
            }
            if (journal) {
                Path whole = dir.resolve("unfinished-" + round);
                assertThat(run(site.root(), whole, -1)).isZero();
                unfinished.add(snapshot(whole));
            } else {
                unfinished.clear();
            }
        }
        assertThat(killed).as("builds killed part-way").isGreaterThanOrEqualTo(3);
        assertThat(run(site.root(), output, -1)).isZero();
        Path clean = dir.resolve("clean");
        assertThat(run(site.root(), clean, -1)).isZero();
        assertThat(snapshot(output)).isEqualTo(snapshot(clean));
        try (Stream<Path> beside = Files.list(site.root())) {
            assertThat(beside.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("staging") || n.contains("publishing"));
        }
    }

    private static final int KILLED = -9;

    /**
     * Runs a build in a JVM of its own and returns its exit code; kills it with SIGKILL after {@code killAfterMs}
     * (-1: waits for it) and returns {@link #KILLED} when it was still running then.
     */
    private static int run(Path site, Path output, int killAfterMs, String... more)
            throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.gazette.cli.Main", "build", site.toString(), "-o",
                output.toString(), "-q"));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (killAfterMs < 0) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        }
        if (process.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor(30, TimeUnit.SECONDS);
        return KILLED;
    }

    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), new String(Files.readAllBytes(file),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
