package dev.gazette.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private Path target() {
        return dir.resolve("public");
    }

    private void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, OLD);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(target())) {
            return walk.filter(p -> !p.equals(target())).map(p -> target().relativize(p).toString().replace('\\', '/')
                    + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
        }
    }

    @Test
    void aFirstBuildIsMovedInWhole() throws IOException {
        try (OutputFolder output = OutputFolder.stage(target())) {
            output.write("index.html", "home");
            output.write("2022/11/a/index.html", "a");
            assertThat(output.keep("index.html")).isFalse(); // nothing to keep yet
            output.commit();
            output.published();
            assertThat(output.filesChanged()).isEqualTo(2);
        }
        assertThat(files()).containsExactly("2022/", "2022/11/", "2022/11/a/", "2022/11/a/index.html", "index.html");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings).containsExactly(target()); // no staging folder left
        }
    }

    @Test
    void aRebuildTouchesOnlyChangedFilesAndSweepsStaleOnesAndTheFoldersTheyLeaveEmpty() throws IOException {
        write(target(), "index.html", "home");
        write(target(), "same.html", "same");
        write(target(), "kept/index.html", "kept");
        write(target(), "gone/deep/index.html", "stale");
        write(target(), "half/index.html", "stale");
        write(target(), "half/stays.html", "stays");
        write(target(), "foreign.txt", "put there by hand");

        try (OutputFolder output = OutputFolder.stage(target())) {
            output.write("index.html", "home, changed");
            output.write("same.html", "same");
            assertThat(output.keep("kept/index.html")).isTrue();
            assertThat(output.keep("missing/index.html")).isFalse();
            output.write("half/stays.html", "stays");
            output.write("new/index.html", "new");
            output.commit();
            assertThat(output.filesWritten()).isEqualTo(5);
            assertThat(output.filesChanged()).isEqualTo(2);
        }

        assertThat(files()).containsExactly("half/", "half/stays.html", "index.html", "kept/", "kept/index.html",
                "new/", "new/index.html", "same.html");
        assertThat(Files.readString(target().resolve("index.html"))).isEqualTo("home, changed");
        for (String untouched : List.of("same.html", "kept/index.html", "half/stays.html")) {
            assertThat(Files.getLastModifiedTime(target().resolve(untouched))).as(untouched).isEqualTo(OLD);
        }
    }

    @Test
    void aFolderCanBecomeAFileAndAFileAFolder() throws IOException {
        write(target(), "was-folder/index.html", "inside");
        write(target(), "was-file", "a file");
        write(target(), "deep", "a file where a folder of folders goes");

        try (OutputFolder output = OutputFolder.stage(target())) {
            output.write("was-folder", "now a file");
            output.write("was-file/index.html", "now inside a folder");
            output.write("deep/er/index.html", "two levels down");
            output.commit();
        }

        assertThat(files()).containsExactly("deep/", "deep/er/", "deep/er/index.html", "was-file/",
                "was-file/index.html", "was-folder");
        assertThat(Files.readString(target().resolve("was-folder"))).isEqualTo("now a file");
    }

    @Test
    void anAbortedBuildLeavesThePreviousOutputAsItWas() throws IOException {
        write(target(), "index.html", "home");
        try (OutputFolder output = OutputFolder.stage(target())) {
            output.write("index.html", "half-made");
            output.write("other.html", "half-made");
            output.abort();
        }
        assertThat(files()).containsExactly("index.html");
        assertThat(Files.readString(target().resolve("index.html"), StandardCharsets.UTF_8)).isEqualTo("home");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings).containsExactly(target());
        }
    }

    @Test
    void aSymbolicLinkInThePreviousOutputIsNotKeptAsAPage() throws IOException {
        write(dir, "elsewhere.html", "outside");
        Files.createDirectories(target());
        Files.createSymbolicLink(target().resolve("link.html"), dir.resolve("elsewhere.html"));
        try (OutputFolder output = OutputFolder.stage(target())) {
            assertThat(output.keep("link.html")).isFalse();
            output.write("link.html", "a real page");
            output.commit();
        }
        assertThat(Files.isSymbolicLink(target().resolve("link.html"))).isFalse();
        assertThat(Files.readString(target().resolve("link.html"))).isEqualTo("a real page");
        assertThat(Files.readString(dir.resolve("elsewhere.html"))).isEqualTo("outside");
    }

    /** The previous output of {@link #aPublishingStoppedAtAnyStepIsFinishedByTheNextStage}, in {@code root}. */
    private void previousOutput(Path root) throws IOException {
        write(root, "index.html", "home");
        write(root, "same.html", "same");
        write(root, "gone/deep/index.html", "stale");
        write(root, "half/index.html", "stale");
        write(root, "half/stays.html", "stays");
        write(root, "was-folder/index.html", "inside");
        write(root, "was-file", "a file");
        write(root, "z-last.html", "stale, deleted last");
    }

    /** A build that changes, adds, deletes and swaps files and folders, committed up to {@code steps} steps. */
    private static void newBuild(Path root, int steps) throws IOException {
        try (OutputFolder output = OutputFolder.stage(root)) {
            output.write("index.html", "home, changed");
            output.write("same.html", "same");
            output.write("half/stays.html", "stays");
            output.write("new/index.html", "new");
            output.write("was-folder", "now a file");
            output.write("was-file/index.html", "now inside a folder");
            if (steps == Integer.MAX_VALUE) {
                output.commit();
                output.published();
            } else {
                output.commit(steps);
            }
        }
    }

    private static java.util.Map<String, String> contents(Path root) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void aPublishingStoppedAtAnyStepIsFinishedByTheNextStage() throws IOException {
        Path reference = dir.resolve("reference/public");
        previousOutput(reference);
        newBuild(reference, Integer.MAX_VALUE);
        java.util.Map<String, String> expected = contents(reference);
        // 4 moves and 4 deletions: a kill before the first, between any two, and after the last
        for (int steps = 0; steps <= 8; steps++) {
            Path root = dir.resolve("stopped-" + steps + "/public");
            previousOutput(root);
            int stopAfter = steps;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> newBuild(root, stopAfter))
                    .isInstanceOf(OutputFolder.Stopped.class);
            assertThat(OutputFolder.journal(root)).as("the journal a kill leaves").isRegularFile();
            try (OutputFolder next = OutputFolder.stage(root)) {
                assertThat(next.recoveredPublish()).isTrue();
            }
            assertThat(contents(root)).as("stopped after " + steps + " steps, then finished").isEqualTo(expected);
            try (Stream<Path> siblings = Files.list(root.getParent())) {
                assertThat(siblings).as("no journal or staging folder left").containsExactly(root);
            }
        }
    }

    @Test
    void aFirstPublishingStoppedBeforeItsRenameIsFinishedByTheNextStage() throws IOException {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (OutputFolder output = OutputFolder.stage(target())) {
                output.write("index.html", "home");
                output.commit(0);
            }
        }).isInstanceOf(OutputFolder.Stopped.class);
        assertThat(target()).doesNotExist();
        try (OutputFolder next = OutputFolder.stage(target())) {
            assertThat(next.recoveredPublish()).isTrue();
        }
        assertThat(files()).containsExactly("index.html");
    }
}
