package dev.gazette.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.build.TestSite;
import dev.gazette.cli.Main;
import dev.gazette.resident.ParsedFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real build server on a socket in a temporary folder, real clients: commands started in another folder, their
 * output and exit codes relayed, rebuilds after edits the same as a build in a fresh process.
 */
class BuildServerTest {

    @TempDir
    Path dir;

    private Path socket;
    private BuildServer server;
    private CompletableFuture<Boolean> serving;

    @BeforeEach
    void start() throws Exception {
        socket = ServerAddress.checkedPrivate(dir.resolve("sockets")).resolve("build-test.sock");
        server = new BuildServer(socket, Duration.ofMinutes(5), socket.resolveSibling("lines-test.port"));
        serving = CompletableFuture.supplyAsync(() -> {
            try {
                return server.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path portFile = socket.resolveSibling("lines-test.port");
        for (int i = 0; i < 500 && !(Files.exists(socket) && Files.exists(portFile)); i++) {
            Thread.sleep(10);
        }
        assertThat(socket).exists();
        assertThat(portFile).exists(); // published after the socket is bound
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        assertThat(serving.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(socket).doesNotExist();
        assertThat(socket.resolveSibling("lines-test.port")).doesNotExist();
        ParsedFiles.keepBetweenBuilds(false);
    }

    private record Answer(int code, String out, String err) {
    }

    private Answer client(Path workingDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BuildClient.run(socket, workingDir, List.of(args), out, err);
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The launcher's own client (the functions of bin/gazette, run by bash) on the server's loopback port, started
     * in {@code workingDir}.
     */
    private Answer launcherClient(Path workingDir, String... args) throws Exception {
        Path launcher = Path.of("bin/gazette").toAbsolutePath();
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-c",
                "eval \"$(sed -n '/^request_line() {/,/^}/p; /^via_server() {/,/^}/p' \"$0\")\"; folder=$1; "
                        + "portfile=$2; shift 2; via_server \"$@\"",
                launcher.toString(), socket.getParent().toString(), socket.resolveSibling("lines-test.port").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Answer(process.exitValue(), out, err.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theLaunchersOwnClientHasItsCommandServedWithOutputAndExitCodeRelayed() throws Exception {
        write("work dir/site 100%/content/2024-01-05-hello.md", "---\ntitle: Hello\n---\nA first story.\n");
        Path work = dir.resolve("work dir");
        assertThat(Files.getPosixFilePermissions(socket.resolveSibling("lines-test.port")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Answer built = launcherClient(work, "build", "site 100%", "-o", "out\nput");
        assertThat(built.code()).as(built.err()).isZero();
        assertThat(built.out()).contains("Built ").contains("from 1 articles").endsWith("\n");
        assertThat(Jsoup.parse(work.resolve("out\nput/2024/01/hello/index.html").toFile()).select("h1").text())
                .isEqualTo("Hello");

        write("work dir/site 100%/content/2024-01-06-bad.md", "---\ntitle: [unclosed\n---\nBody.\n");
        Answer failed = launcherClient(work, "build", "-q", "site 100%", "-o", "out\nput");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).contains("site 100%/content/2024-01-06-bad.md:").contains("Build failed: 1 error");
        assertThat(failed.out()).isEmpty();

        Answer usage = launcherClient(work, "build", "--jobs", "0", "site 100%");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).isEqualTo("gazette build: --jobs must be at least 1\n");
    }

    @Test
    void aConnectionToTheLoopbackPortWithoutTheTokenIsDroppedUnserved() throws Exception {
        write("site/content/2024-01-05-hello.md", "---\ntitle: Hello\n---\nA first story.\n");
        String[] published = Files.readString(socket.resolveSibling("lines-test.port")).trim().split(" ");
        int port = Integer.parseInt(published[0]);
        try (java.net.Socket intruder = new java.net.Socket("127.0.0.1", port)) {
            intruder.getOutputStream().write(("0123456789abcdef0123456789abcdef\n" + dir + "\n2\nbuild\nsite\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(intruder.getInputStream().readAllBytes()).isEmpty();
        }
        assertThat(dir.resolve("site/public")).doesNotExist();
        Answer built = launcherClient(dir, "build", "site");
        assertThat(built.code()).as(built.err()).isZero();
        assertThat(dir.resolve("site/public/2024/01/hello/index.html")).isRegularFile();
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        // older than the source cache's racy window, and distinct from the time before the edit
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60).plusMillis(path.length()
                + text.length())));
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(dir.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void buildsTheSiteNamedRelativeToTheClientsFolderAndRelaysItsSummary() throws IOException {
        write("desk/site/content/2024-03-01-harbour.md",
                "---\ntitle: Harbour strike ends\nauthor: Ana Lima\ntags: [port]\n---\nDockers went back to work.\n");
        Answer answer = client(dir.resolve("desk"), "build", "site");
        assertThat(answer.code()).as(answer.err()).isZero();
        assertThat(answer.out()).matches("Built \\d+ pages from 1 articles into site/public \\(\\d+ files changed\\) "
                + "in \\d+\\.\\d\\d s\\.\\R");
        Document article = page("desk/site/public/2024/03/harbour-strike-ends/index.html");
        assertThat(article.select("h1").text()).isEqualTo("Harbour strike ends");
        assertThat(page("desk/site/public/index.html").select("a[href$=/2024/03/harbour-strike-ends/]")).isNotEmpty();
    }

    @Test
    void contentProblemsComeBackAsPathLineMessagesWithTheExitCodeAndTheOutputIsLeftAsItWas() throws IOException {
        write("site/content/2024-03-01-a.md", "---\ntitle: A\n---\nText.\n");
        assertThat(client(dir, "build", "site").code()).isZero();
        String before = Files.readString(dir.resolve("site/public/index.html"));
        write("site/content/2024-03-02-b.md", "---\ntitle: B\ndate: someday\n---\nText.\n");
        Answer answer = client(dir, "build", "site");
        assertThat(answer.code()).isEqualTo(1);
        assertThat(answer.err()).containsPattern("(?m)^site/content/2024-03-02-b\\.md:3: date: cannot read 'someday'")
                .contains("Build failed: 1 error; site/public left as it was.")
                .doesNotContain("Exception");
        assertThat(Files.readString(dir.resolve("site/public/index.html"))).isEqualTo(before);
    }

    @Test
    void rebuildsAfterEditsAreTheSameAsABuildInAFreshProcess() throws IOException {
        ParsedFiles.keepBetweenBuilds(true); // as the server's main does
        for (int i = 1; i <= 6; i++) {
            write("site/content/2024-03-0" + i + "-story.md", "---\ntitle: Story " + i + "\ntags: [t" + (i % 2)
                    + "]\n---\nParagraph " + i + ".\n");
        }
        assertThat(client(dir, "build", "site").code()).isZero();
        write("site/content/2024-03-02-story.md", "---\ntitle: Story two, corrected\ntags: [t1]\n---\nNew text.\n");
        write("site/content/2024-03-04-story.md", "---\ntitle: Story 4\ntags: [t0]\n---\nParagraph 4, longer.\n");
        Files.delete(dir.resolve("site/content/2024-03-05-story.md"));
        Answer answer = client(dir, "build", "site");
        assertThat(answer.code()).as(answer.err()).isZero();
        assertThat(answer.out()).contains("from 5 articles");

        ParsedFiles.keepBetweenBuilds(false);
        StringWriter err = new StringWriter();
        int code = Main.run(dir, new PrintWriter(new StringWriter()), new PrintWriter(err), "build", "site", "--clean",
                "-o", dir.resolve("fresh").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(TestSite.texts(dir.resolve("site/public"))).isEqualTo(TestSite.texts(dir.resolve("fresh")));
        assertThat(page("site/public/2024/03/story-two-corrected/index.html").select("h1").text())
                .isEqualTo("Story two, corrected");
    }

    @Test
    void aClientThatGoesAwayCancelsItsBuildAndTheNextCommandIsServedAsUsual() throws Exception {
        for (int i = 0; i < 200; i++) {
            write("site/content/2024-01-01-story-" + i + ".md", "---\ntitle: Story " + i + "\ntags: [t" + (i % 7)
                    + "]\n---\nParagraph one of story " + i + ".\n\nParagraph two.\n");
        }
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(socket))) {
            new Wire.Request(dir.toString(), List.of("build", "site"))
                    .write(new java.io.DataOutputStream(java.nio.channels.Channels.newOutputStream(channel)));
        } // gone, as a client stopped with Ctrl-C is
        Answer next = client(dir, "build", "--help"); // served once the first command has ended
        assertThat(next.code()).isZero();
        assertThat(dir.resolve("site/public")).doesNotExist();
        assertThat(Files.list(dir.resolve("site")).map(p -> p.getFileName().toString()))
                .noneMatch(name -> name.contains("staging"));

        Answer build = client(dir, "build", "site");
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(page("site/public/2024/01/story-7/index.html").select("h1").text()).isEqualTo("Story 7");
    }

    @Test
    void aServerStartedForASiteReadsItFirstAndServesItsNextBuildAsAFreshProcessWould() throws Exception {
        for (int i = 1; i <= 5; i++) {
            write("site/content/2024-03-0" + i + "-story.md", "---\ntitle: Story " + i + "\n---\nParagraph " + i + ".\n");
        }
        assertThat(Main.run(dir, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "build",
                "site")).isZero();
        Path other = socket.resolveSibling("build-prepared.sock");
        BuildServer prepared = new BuildServer(other, Duration.ofMinutes(1));
        prepared.prepareFirst(dir, List.of("build", "-q", "site"), 200);
        ParsedFiles.keepBetweenBuilds(true);
        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> {
            try {
                return prepared.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            write("site/content/2024-03-03-story.md", "---\ntitle: Story three\n---\nParagraph three.\n");
            for (int i = 0; i < 200 && !Files.exists(other); i++) {
                Thread.sleep(10);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = BuildClient.run(other, dir, List.of("build", "site"), out, err);
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("from 5 articles").doesNotContain("(0 files");
        } finally {
            prepared.stop();
            running.get(10, TimeUnit.SECONDS);
        }
        ParsedFiles.keepBetweenBuilds(false);
        assertThat(Main.run(dir, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "build",
                "site", "--clean", "-o", dir.resolve("fresh").toString())).isZero();
        assertThat(TestSite.texts(dir.resolve("site/public"))).isEqualTo(TestSite.texts(dir.resolve("fresh")));
    }

    @Test
    void onlyBuildIsServed() {
        Answer answer = client(dir, "import", "x.txt");
        assertThat(answer.code()).isEqualTo(2);
        assertThat(answer.err()).contains("runs 'gazette build' only");
    }

    @Test
    void withoutAServerTheClientSaysSoAndASecondServerGivesWay() throws IOException {
        assertThat(BuildClient.run(dir.resolve("sockets/none.sock"), dir, List.of("build"),
                new ByteArrayOutputStream(), new ByteArrayOutputStream())).isEqualTo(BuildClient.NO_SERVER);
        assertThat(new BuildServer(socket, Duration.ofMinutes(1)).serve()).isFalse();
        assertThat(client(dir, "build", "--help").code()).isZero(); // the first one still serves
    }

    @Test
    void anIdleServerStopsAndRemovesItsSocket() throws Exception {
        Path other = socket.resolveSibling("build-idle.sock");
        CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> {
            try {
                return new BuildServer(other, Duration.ofSeconds(1)).serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(idle.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(other).doesNotExist();
    }

    @Test
    void socketsLiveInAFolderOnlyTheirUserCanOpen() throws IOException {
        assertThat(Files.getPosixFilePermissions(socket.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Path open = dir.resolve("open");
        Files.createDirectory(open);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x")); // whatever the umask
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerAddress.checkedPrivate(open))
                .hasMessageContaining("can be opened by other users");
    }
}
