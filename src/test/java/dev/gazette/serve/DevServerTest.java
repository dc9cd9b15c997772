package dev.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.build.BuildResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerTest {

    @TempDir
    Path dir;

    private Path site;
    private DevServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<String> builds = new LinkedBlockingQueue<>();

    @BeforeEach
    void startServer() throws IOException {
        site = dir.resolve("site");
        write("site.yaml", "title: Serve Test\nbase_url: https://news.example.org/\n");
        write("content/news/2022-01-05-first.md", "---\ntitle: First story\ntags: [kyiv]\n---\nThe original text.\n");
        write("content/news/2022-01-06-second.md", "---\ntitle: Second story\n---\nMore text.\n");
        server = DevServer.start(new ServeRequest(site, "127.0.0.1", 0, false, false), "test", new DevServer.Reporter() {
            @Override
            public void built(long number, BuildResult result) {
                builds.add(result.succeeded() ? "ok" : "failed");
            }

            @Override
            public void broken(long number, String message) {
                builds.add("broken: " + message);
            }
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.address().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The browser's side of the event stream: its lines, as they come. */
    private BlockingQueue<String> listen() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(
                HttpRequest.newBuilder(server.address().resolve(LiveReload.EVENTS_PATH)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.listening() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return lines;
    }

    /** Waits (up to ten seconds) for an event of this name and returns its data. */
    private static String awaitEvent(BlockingQueue<String> lines, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean inEvent = false;
        StringBuilder data = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("event: " + name)) {
                inEvent = true;
            } else if (inEvent && line.startsWith("data: ")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
            } else if (inEvent && line.isEmpty()) {
                return data.toString();
            }
        }
        throw new AssertionError("no '" + name + "' event within ten seconds");
    }

    /**
     * On a fixed port the server builds into a folder kept for its next start on the same site and port: started
     * again after an edit, it rewrites only what changed (the other article's page keeps its file and time) and
     * serves the edit; a server of the system's choosing port (the one of each other test) leaves nothing behind.
     */
    @Test
    void aServerStartedAgainOnTheSameSiteAndPortBuildsOnlyWhatChanged() throws Exception {
        Path ephemeral = server.output();
        server.close();
        assertThat(ephemeral).doesNotExist();
        Path folders = dir.resolve("kept");
        System.setProperty(ServeFolder.FOLDERS_PROPERTY, folders.toString());
        try {
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            BlockingQueue<BuildResult> results = new LinkedBlockingQueue<>();
            DevServer.Reporter reporter = new DevServer.Reporter() {
                @Override
                public void built(long number, BuildResult result) {
                    results.add(result);
                }

                @Override
                public void broken(long number, String message) {
                    throw new AssertionError(message);
                }
            };
            ServeRequest request = new ServeRequest(site, "127.0.0.1", port, false, false);
            server = DevServer.start(request, "test", reporter);
            Path output = server.output();
            assertThat(output).startsWith(folders);
            BuildResult first = results.take();
            assertThat(first.succeeded()).isTrue();
            assertThat(first.changed()).isGreaterThan(10);
            Path other = output.resolve("2022/01/first-story/index.html");
            java.nio.file.attribute.FileTime otherTime = Files.getLastModifiedTime(other);
            server.close();
            assertThat(other).exists();

            write("content/news/2022-01-06-second.md", "---\ntitle: Second story\n---\nMore text, while it was off.\n");
            server = DevServer.start(request, "test", reporter);
            assertThat(server.output()).isEqualTo(output);
            BuildResult second = results.take();
            assertThat(second.succeeded()).isTrue();
            assertThat(second.changed()).isBetween(1, first.changed() / 2);
            assertThat(Files.getLastModifiedTime(other)).isEqualTo(otherTime);
            assertThat(Jsoup.parse(get("/2022/01/second-story/").body()).select("article p").text())
                    .contains("while it was off");
        } finally {
            System.clearProperty(ServeFolder.FOLDERS_PROPERTY);
        }
    }

    @Test
    void servesTheBuiltSiteWithTheReloadScriptAndTheRightContentTypes() throws Exception {
        HttpResponse<String> page = get("/2022/01/first-story/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("h1").text()).isEqualTo("First story");
        assertThat(html.select("script[src=" + LiveReload.SCRIPT_PATH + "]")).hasSize(1);
        // links point at the server, not at the site's public address
        assertThat(html.select("link[rel=canonical]").attr("href")).startsWith(server.address().toString());

        assertThat(get("/feed.xml").headers().firstValue("content-type")).hasValue("application/xml; charset=utf-8");
        assertThat(get(LiveReload.SCRIPT_PATH).body()).contains("EventSource");
        HttpResponse<String> folder = http.send(HttpRequest.newBuilder(server.address().resolve("/tags/kyiv")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(folder.statusCode()).isEqualTo(301);
        assertThat(folder.headers().firstValue("location")).hasValue("/tags/kyiv/");
    }

    @Test
    void anEditIsServedAndOpenPagesAreToldToReload() throws Exception {
        BlockingQueue<String> events = listen();
        long edited = System.nanoTime();
        write("content/news/2022-01-05-first.md", "---\ntitle: First story\ntags: [kyiv]\n---\nThe corrected text.\n");
        awaitEvent(events, "reload");
        long tookMs = (System.nanoTime() - edited) / 1_000_000;
        assertThat(get("/2022/01/first-story/").body()).contains("The corrected text.").doesNotContain("original");
        assertThat(tookMs).as("edit to reload event, ms (bounded, not a benchmark)").isLessThan(10_000);
    }

    @Test
    void editsAreSeenThroughAFolderThatIsASymbolicLink() throws Exception {
        write("wire/2022-01-08-wire.md", "---\ntitle: Wire story\n---\nFrom the wire.\n");
        Files.createSymbolicLink(site.resolve("content/wire"), Path.of("../wire"));
        BlockingQueue<String> events = listen();
        awaitEvent(events, "reload"); // the link itself is a change
        assertThat(get("/2022/01/wire-story/").body()).contains("From the wire.");
        write("wire/2022-01-08-wire.md", "---\ntitle: Wire story\n---\nUpdated from the wire.\n");
        awaitEvent(events, "reload");
        assertThat(get("/2022/01/wire-story/").body()).contains("Updated from the wire.");
    }

    /**
     * A rebuild looks again only at the files the watcher saw change, when all of them are edits of known files;
     * an article added, one deleted, a new folder and an article that is a link to a file elsewhere are still seen.
     */
    @Test
    void addedDeletedMovedAndLinkedArticlesAreSeenBetweenEdits() throws Exception {
        BlockingQueue<String> events = listen();
        write("content/news/2022-01-05-first.md", "---\ntitle: First story\ntags: [kyiv]\n---\nEdit one.\n");
        awaitEvent(events, "reload");
        assertThat(get("/2022/01/first-story/").body()).contains("Edit one.");

        write("content/news/2022-01-09-added.md", "---\ntitle: Added story\n---\nJust added.\n");
        awaitEvent(events, "reload");
        assertThat(get("/2022/01/added-story/").body()).contains("Just added.");
        write("content/news/2022-01-05-first.md", "---\ntitle: First story\ntags: [kyiv]\n---\nEdit two.\n");
        awaitEvent(events, "reload");
        assertThat(get("/2022/01/first-story/").body()).contains("Edit two.");

        Files.delete(site.resolve("content/news/2022-01-09-added.md"));
        awaitEvent(events, "reload");
        assertThat(get("/2022/01/added-story/").statusCode()).isEqualTo(404);

        write("content/news/deeper/2022-01-10-deep.md", "---\ntitle: Deep story\n---\nIn a new folder.\n");
        awaitEvent(events, "reload");
        assertThat(get("/2022/01/deep-story/").body()).contains("In a new folder.");
        Files.move(site.resolve("content/news/deeper"), site.resolve("moved-away"));
        awaitEvent(events, "reload");
        assertThat(get("/2022/01/deep-story/").statusCode()).isEqualTo(404);

        write("desk/2022-01-11-linked.md", "---\ntitle: Linked story\n---\nFirst version.\n");
        Files.createSymbolicLink(site.resolve("content/news/2022-01-11-linked.md"), site.resolve("desk/2022-01-11-linked.md"));
        awaitEvent(events, "reload");
        assertThat(get("/2022/01/linked-story/").body()).contains("First version.");
        write("content/news/2022-01-05-first.md", "---\ntitle: First story\ntags: [kyiv]\n---\nEdit three.\n");
        awaitEvent(events, "reload");
        // the link's target changes where no watcher looks; an edit elsewhere rebuilds and looks at it again
        write("desk/2022-01-11-linked.md", "---\ntitle: Linked story\n---\nSecond version.\n");
        write("content/news/2022-01-05-first.md", "---\ntitle: First story\ntags: [kyiv]\n---\nEdit four.\n");
        awaitEvent(events, "reload");
        assertThat(get("/2022/01/linked-story/").body()).contains("Second version.");
        assertThat(get("/2022/01/first-story/").body()).contains("Edit four.");
    }

    @Test
    void aFailedRebuildIsShownInTheBrowserWhileTheLastGoodSiteIsServed() throws Exception {
        BlockingQueue<String> events = listen();
        write("site.yaml", "title: Serve Test\npermalink: /no-slug/\n");
        String failure = awaitEvent(events, "failure");
        assertThat(failure).contains("the build failed").containsPattern("site.yaml:2: permalink: ");
        assertThat(get("/2022/01/first-story/").body()).contains("The original text.");

        // a browser that opens a page now is told at once
        assertThat(awaitEvent(listen(), "failure")).contains("permalink");

        write("site.yaml", "title: Serve Test\n");
        awaitEvent(events, "reload");
    }

    @Test
    void anArticleWithErrorsIsLeftOutAndNamedOverThePage() throws Exception {
        BlockingQueue<String> events = listen();
        write("content/news/2022-01-07-bad.md", "---\ntitle: [unclosed\n---\nText.\n");
        awaitEvent(events, "reload");
        String notice = awaitEvent(listen(), "failure");
        assertThat(notice).contains("left out").containsPattern("content/news/2022-01-07-bad.md:\\d+: error, file skipped: invalid YAML");
        assertThat(get("/2022/01/first-story/").body()).contains("The original text.");
    }

    @Test
    void pathsOutsideTheSiteAreRefusedAndMissingPagesGetTheSites404Page() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "not for the web");
        for (String path : new String[] {"/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt",
                "/%2E%2E/%2e%2e/etc/passwd", "/..%2fsecret.txt", "/..%5csecret.txt", "/a/%2e%2e/%2e%2e/secret.txt",
                "/%00", "/./index.html"}) {
            String response = rawGet(path);
            assertThat(response).as(path).startsWith("HTTP/1.1 400").doesNotContain("not for the web");
        }
        HttpResponse<String> missing = get("/no/such/page/");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("h1").text()).isNotBlank();
        assertThat(missing.body()).contains(LiveReload.SCRIPT_PATH);
    }

    @Test
    void theServerListensOnLoopbackByDefault() {
        assertThat(server.address().getHost()).isEqualTo("127.0.0.1");
    }

    /** A request written by hand, so that no client tidies the path first. */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket(server.address().getHost(), server.address().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
