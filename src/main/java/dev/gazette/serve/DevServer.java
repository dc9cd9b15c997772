package dev.gazette.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gazette.build.BuildException;
import dev.gazette.build.BuildRequest;
import dev.gazette.build.BuildResult;
import dev.gazette.build.SiteBuilder;
import dev.gazette.output.OutputFolder;
import dev.gazette.problem.Problem;
import dev.gazette.resident.ParsedFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code gazette serve}: one resident process that builds the site into a private folder (never into the site's
 * public/; kept for the next start on the same site and port, see {@link ServeFolder}), serves it, and rebuilds it
 * when a file the build reads changes. Rebuilds are incremental (the build cache beside the private folder, and
 * what the previous build read kept in memory); a failed rebuild leaves the last good site served and shows its
 * problems in the terminal and over the page in every open browser.
 */
public final class DevServer implements AutoCloseable {

    /** What the server tells the person who started it. */
    public interface Reporter {
        /** A build ended (succeeded or not); {@code number} counts from 1. */
        void built(long number, BuildResult result);

        /** A build could not run at all (a refused output, an I/O error). */
        void broken(long number, String message);
    }

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ServeRequest request;
    private final SiteBuilder builder;
    private final Reporter reporter;
    private final ServeFolder folder;
    private final Path output;
    private final HttpServer http;
    private final ExecutorService handlers;
    private final ExecutorService rebuilds;
    private final ScheduledExecutorService heartbeat;
    private final LiveReload live = new LiveReload();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong builds = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final String baseUrl;
    private SiteWatcher watcher;

    private DevServer(ServeRequest request, String version, Reporter reporter) throws IOException {
        this.request = request;
        this.builder = new SiteBuilder(version);
        this.reporter = reporter;
        InetAddress address = InetAddress.getByName(request.bind());
        this.http = HttpServer.create(new InetSocketAddress(address, request.port()), 64);
        String host = address.isAnyLocalAddress() ? "localhost"
                : address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        this.baseUrl = "http://" + host + ":" + http.getAddress().getPort() + "/";
        try {
            this.folder = ServeFolder.open(request.site(), baseUrl, request.port() != 0);
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            throw e;
        }
        this.output = folder.output();
        OutputFolder.ownedByThisProcess(output);
        this.handlers = Executors.newCachedThreadPool(daemon("gazette-http"));
        this.rebuilds = Executors.newSingleThreadExecutor(daemon("gazette-rebuild"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("gazette-heartbeat"));
    }

    /**
     * Builds the site once, then serves it and watches it. Returns once the first build is done and the server
     * listens; {@link #close} (or {@link #awaitClose}) ends it.
     */
    public static DevServer start(ServeRequest request, String version, Reporter reporter) throws IOException {
        DevServer server = new DevServer(request, version, reporter);
        try {
            ParsedFiles.keepBetweenBuilds(true);
            server.watcher = new SiteWatcher(request.site(), server::changed);
            server.build();
            server.http.setExecutor(server.handlers);
            server.http.createContext("/", server::handle);
            server.http.start();
            server.heartbeat.scheduleAtFixedRate(server.live::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                    TimeUnit.MILLISECONDS);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The address the site is served at ("http://127.0.0.1:1313/"). */
    public URI address() {
        return URI.create(baseUrl);
    }

    /** Browsers listening for reloads now. */
    public int listening() {
        return live.listening();
    }

    /** Waits until the server is closed. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    private void changed() {
        if (pending.compareAndSet(false, true)) {
            rebuilds.execute(() -> {
                pending.set(false);
                build();
            });
        }
    }

    private void build() {
        long number = builds.incrementAndGet();
        BuildRequest build = new BuildRequest(request.site(), output, request.drafts(), request.future(), baseUrl,
                Runtime.getRuntime().availableProcessors(), Instant.now(), false);
        try {
            // browsers reload as soon as the new site is in place; the build cache is saved after
            BuildResult result = builder.build(build, published -> {
                String leftOut = published.problems().stream().filter(p -> p.severity() == Problem.Severity.SKIPPED)
                        .map(p -> p.format(request.site())).collect(Collectors.joining("\n"));
                live.reload(number, leftOut.isEmpty() ? null : leftOut);
            });
            reporter.built(number, result);
            if (!result.succeeded()) {
                live.failed(result.problems().stream().filter(Problem::isError)
                        .map(p -> p.format(request.site())).collect(Collectors.joining("\n")));
            }
        } catch (BuildException e) {
            reporter.broken(number, e.getMessage());
            live.failed(e.getMessage());
        } catch (RuntimeException e) {
            // a defect in a build must not end the server: the next change builds again
            reporter.broken(number, "internal error: " + e);
            live.failed("internal error: " + e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n".getBytes(StandardCharsets.UTF_8),
                        false);
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (raw.equals(LiveReload.EVENTS_PATH)) {
                stream(exchange);
                return;
            }
            if (raw.equals(LiveReload.SCRIPT_PATH)) {
                send(exchange, 200, "text/javascript; charset=utf-8", LiveReload.SCRIPT.getBytes(StandardCharsets.UTF_8),
                        head);
                return;
            }
            SitePaths.Resolved resolved = SitePaths.resolve(output, raw);
            if (resolved instanceof SitePaths.Refused refused) {
                send(exchange, 400, "text/plain; charset=utf-8",
                        ("Bad request: " + refused.why() + "\n").getBytes(StandardCharsets.UTF_8), head);
            } else if (resolved instanceof SitePaths.Redirect redirect) {
                exchange.getResponseHeaders().set("Location", redirect.location());
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0], head);
            } else if (resolved instanceof SitePaths.Found found) {
                serveFile(exchange, found.file(), 200, head);
            } else {
                notFound(exchange, head);
            }
        }
    }

    private void serveFile(HttpExchange exchange, Path file, int status, boolean head) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            notFound(exchange, head); // replaced between the look and the read by a rebuild: as if it were not there
            return;
        }
        String type = ContentTypes.of(file.getFileName().toString());
        if (type.startsWith("text/html")) {
            bytes = LiveReload.withScript(bytes);
        }
        send(exchange, status, type, bytes, head);
    }

    private void notFound(HttpExchange exchange, boolean head) throws IOException {
        Path page = output.resolve("404.html");
        if (Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS)) {
            serveFile(exchange, page, 404, head);
        } else {
            send(exchange, 404, "text/html; charset=utf-8", LiveReload.withScript(
                    "<!doctype html><title>Not found</title><p>Not found.</p>".getBytes(StandardCharsets.UTF_8)), head);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The event stream of one browser, held open until the browser goes or the server stops. */
    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        live.listen(body);
        try {
            while (!closed.await(1, TimeUnit.SECONDS)) {
                if (!live.isListening(body)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            live.forget(body);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops serving and watching, and deletes the private folder the site was built into. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        http.stop(0);
        heartbeat.shutdownNow();
        handlers.shutdownNow();
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        rebuilds.shutdownNow();
        try {
            rebuilds.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        folder.close();
    }

    /** The folder the site is built into (kept for the next start on this site and port, see {@link ServeFolder}). */
    public Path output() {
        return output;
    }

    /** Whether {@link #output} is kept for the next start (false: a temporary folder, deleted when it stops). */
    public boolean keepsOutput() {
        return folder.kept();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DevServer[%s, site %s]", baseUrl, request.site());
    }
}
