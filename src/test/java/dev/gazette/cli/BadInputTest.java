package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: each folder under src/test/resources/bad/ is laid over a small site that built cleanly,
 * with the symbolic links its links.txt lists, and its expected.txt says what the next build must do: its exit
 * code, the messages it prints, files it must (or must not) publish and text no output file may hold. A build
 * that fails must leave the previous output byte for byte as it was; none may print a stack trace.
 */
class BadInputTest {

    @TempDir
    Path dir;

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> folders = Files.list(corpus())) {
            return folders.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(BadInputTest.class.getResource("/bad").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGetsAClearMessageAndLosesNothing(String name) throws Exception {
        Path site = dir.resolve("site");
        Path output = dir.resolve("out");
        writeGoodSite(site);
        assertThat(build(site, output).code).as("the good site builds").isZero();
        Map<String, byte[]> before = snapshot(output);

        Path bad = corpus().resolve(name);
        Expected expected = Expected.read(bad.resolve("expected.txt"));
        overlay(bad, site);
        Run run = build(site, output, expected.args);

        assertThat(run.code).as(run.err).isEqualTo(expected.exit);
        for (String message : expected.messages) {
            assertThat(run.err).contains(message);
        }
        assertThat(run.err).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        if (expected.exit != 0) {
            assertThat(snapshot(output)).as("the previous output, unchanged").containsOnlyKeys(before.keySet())
                    .allSatisfy((path, bytes) -> assertThat(bytes).as(path).isEqualTo(before.get(path)));
        }
        for (String path : expected.built) {
            assertThat(output.resolve(path)).isRegularFile();
        }
        for (String path : expected.absentFiles) {
            assertThat(output.resolve(path)).doesNotExist();
        }
        for (String[] pathAndText : expected.texts) {
            assertThat(Files.readString(output.resolve(pathAndText[0]), StandardCharsets.UTF_8)).as(pathAndText[0])
                    .contains(pathAndText[1]);
        }
        for (Map.Entry<String, byte[]> file : snapshot(output).entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            for (String absent : expected.absentText) {
                assertThat(text).as(file.getKey()).doesNotContain(absent);
            }
        }
    }

    private static void writeGoodSite(Path site) throws IOException {
        write(site.resolve("site.yaml"), "title: Good site\n");
        write(site.resolve("content/news/2022-01-05-first.md"), "---\ntitle: First\n---\nThe first story.\n");
        write(site.resolve("content/news/2022-01-06-second.md"), "---\ntitle: Second\ntags: [a]\n---\nThe second.\n");
        write(site.resolve("static/robots.txt"), "User-agent: *\n");
    }

    /** Copies the case's files over the site (all but expected.txt and links.txt) and makes its links. */
    private static void overlay(Path bad, Path site) throws IOException {
        try (Stream<Path> files = Files.walk(bad)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = bad.relativize(file).toString();
                if (!relative.equals("expected.txt") && !relative.equals("links.txt")) {
                    Path target = site.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path links = bad.resolve("links.txt");
        if (Files.exists(links)) {
            for (String line : Files.readAllLines(links)) {
                String[] parts = line.split(" -> ");
                Path link = site.resolve(parts[0]);
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, Path.of(parts[1]));
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Map<String, byte[]> snapshot(Path output) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(output.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private record Run(int code, String err) {
    }

    private static Run build(Path site, Path output, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("build", site.toString(), "-o", output.toString()));
        args.addAll(List.of(more));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(code, err.toString());
    }

    /**
     * What expected.txt says: "exit: N", optionally "args:" (more arguments to the build, such as --strict), and any
     * number of "message:", "built:", "absent:", "absent-file:" and "text:" (a published file and text it holds,
     * separated by the first space).
     */
    private record Expected(int exit, String[] args, List<String> messages, List<String> built,
            List<String> absentText, List<String> absentFiles, List<String[]> texts) {

        static Expected read(Path file) throws IOException {
            int exit = -1;
            String[] args = new String[0];
            List<String> messages = new ArrayList<>();
            List<String> built = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            List<String> absentFiles = new ArrayList<>();
            List<String[]> texts = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(": ");
                String key = line.substring(0, colon);
                String value = line.substring(colon + 2);
                switch (key) {
                    case "exit" -> exit = Integer.parseInt(value);
                    case "args" -> args = value.split(" ");
                    case "message" -> messages.add(value);
                    case "built" -> built.add(value);
                    case "absent" -> absent.add(value);
                    case "absent-file" -> absentFiles.add(value);
                    case "text" -> texts.add(value.split(" ", 2));
                    default -> throw new IllegalArgumentException(file + ": unknown key " + key);
                }
            }
            if (exit < 0) {
                throw new IllegalArgumentException(file + ": no exit code");
            }
            return new Expected(exit, args, messages, built, absent, absentFiles, texts);
        }
    }
}
