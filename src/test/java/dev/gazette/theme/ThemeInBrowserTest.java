package dev.gazette.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gazette.build.BuildRequest;
import dev.gazette.build.BuildResult;
import dev.gazette.build.SiteBuilder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The repository's sample site in a real browser, as a reader sees it: Debian's headless Chromium loads each kind
 * of page from a local server, axe-core checks it (no violation allowed, in light and dark), the search finds a
 * word said once in an article's body, and screenshots of the front page, an article, a tag page and search at
 * phone and desktop widths go to target/screenshots/ for a person to look at. Needs {@code chromium} on the PATH
 * and axe-core installed by {@code npm install --prefix test-tools axe-core@4.10.3} (.ci/run does both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeInBrowserTest {

    private static final Path AXE = Path.of("test-tools/node_modules/axe-core/axe.min.js");
    private static final String CIA = "/2022/11/cia-director-bill-burns-meeting-with-russian-counterpart-monday/";
    /** Runs axe once the page has loaded and writes its violations into the page, for --dump-dom to print. */
    private static final String AXE_RUNNER = """
            <script src="/__test/axe.min.js"></script><script>
            window.addEventListener("load", function () { setTimeout(function () {
              axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
                var out = document.createElement("pre"); out.id = "__axe";
                out.textContent = JSON.stringify(r.violations.map(function (v) {
                  return v.id + " (" + v.impact + "): " + v.nodes.map(function (n) { return n.target.join(" "); }).join(", ");
                }));
                document.body.appendChild(out);
              }); }, 200); });
            </script>""";

    @TempDir
    static Path dir;
    private Path site;
    private HttpServer server;
    private String origin;

    @BeforeAll
    void buildAndServeTheSampleSite() throws Exception {
        if (!onPath("chromium")) {
            fail("these tests need Debian's chromium on the PATH (apt-get install chromium; .ci/run installs it)");
        }
        if (!Files.isRegularFile(AXE)) {
            fail("these tests need axe-core: npm install --prefix test-tools axe-core@4.10.3 (.ci/run does it)");
        }
        site = dir.resolve("public");
        BuildResult result = new SiteBuilder("test").build(new BuildRequest(Path.of("").toAbsolutePath(), site,
                false, false, null, 2, Instant.now(), true));
        assertThat(result.succeeded()).as(result.problems().toString()).isTrue();
        byte[] axe = Files.readAllBytes(AXE);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(exchange, axe));
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", CIA, "/tags/", "/tags/nasa/", "/authors/priya-raman/", "/categories/science/",
            "/2022/", "/search/", "/search/?q=peskov", "/404.html", "/page/2/"})
    void everyKindOfPageHasNoAxeViolationInLightOrDarkMode(String path) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            String url = origin + path + (path.contains("?") ? "&" : "?") + "axe=1";
            Document page = Jsoup.parse(dumpDom(url, dark));
            assertThat(page.getElementById("__axe")).as("axe ran on " + path).isNotNull();
            assertThat(page.getElementById("__axe").text()).as(path + (dark ? " (dark)" : " (light)")).isEqualTo("[]");
        }
    }

    @Test
    void searchFindsAWordSaidOnceInABodyWithACount() throws Exception {
        // "Peskov" is said once, in the body of the CIA story (a raw article from a news site); "kreml" starts a word
        for (String query : new String[] {"peskov", "Kreml", "naryshkin ankara"}) {
            Document page = Jsoup.parse(dumpDom(origin + "/search/?q=" + query.replace(" ", "+"), false));
            assertThat(page.select("#search-results a").eachAttr("href")).as(query).contains(CIA);
            assertThat(page.select("#search-status").text()).as(query).matches("\\d+ results?");
        }
        Document none = Jsoup.parse(dumpDom(origin + "/search/?q=zzyzx", false));
        assertThat(none.select("#search-results li")).isEmpty();
        assertThat(none.select("#search-status").text()).isEqualTo("No article matches.");
    }

    @Test
    void screenshotsAtPhoneAndDesktopWidthsInLightAndDark() throws Exception {
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        List<String> made = new ArrayList<>();
        String[][] pages = {{"home", "/"}, {"article", CIA}, {"tag", "/tags/nasa/"}, {"search", "/search/?q=ukrain"}};
        for (String[] page : pages) {
            for (int width : new int[] {390, 1366}) {
                for (boolean dark : new boolean[] {false, true}) {
                    Path file = shots.resolve(page[0] + "-" + width + (dark ? "-dark" : "") + ".png").toAbsolutePath();
                    Files.deleteIfExists(file);
                    chromium(List.of("--window-size=" + width + ",2000", "--hide-scrollbars",
                            "--screenshot=" + file, origin + page[1]), dark);
                    BufferedImage image = ImageIO.read(file.toFile());
                    assertThat(image).as(file.toString()).isNotNull();
                    assertThat(image.getWidth()).isEqualTo(width);
                    made.add(file.getFileName().toString());
                }
            }
        }
        assertThat(made).hasSize(16);
    }

    private void serve(HttpExchange exchange, byte[] axe) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals("/__test/axe.min.js")) {
                body = axe;
                type = "text/javascript";
            } else {
                Path file = site.resolve(path.substring(1)).normalize();
                if (Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css"
                        : name.endsWith(".js") ? "text/javascript" : name.endsWith(".json") ? "application/json"
                        : name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".png") ? "image/png"
                        : name.endsWith(".jpg") ? "image/jpeg" : "application/octet-stream";
                String query = exchange.getRequestURI().getQuery();
                if (name.endsWith(".html") && query != null && query.contains("axe=1")) {
                    body = new String(body, StandardCharsets.UTF_8).replace("</body>", AXE_RUNNER + "</body>")
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String dumpDom(String url, boolean dark) throws Exception {
        return chromium(List.of("--dump-dom", url), dark);
    }

    /** Runs headless Chromium with a fresh profile, given enough virtual time for scripts and fetches to finish. */
    private String chromium(List<String> args, boolean dark) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium");
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
        if (dark) {
            command.add("--blink-settings=preferredColorScheme=0");
        }
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish: " + command);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
