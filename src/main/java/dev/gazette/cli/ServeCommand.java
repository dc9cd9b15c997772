package dev.gazette.cli;

import dev.gazette.build.BuildResult;
import dev.gazette.problem.Problem;
import dev.gazette.serve.DevServer;
import dev.gazette.serve.ServeRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gazette serve}: builds the site, serves it on loopback, rebuilds on every change and reloads browsers. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Build the site, serve it, and rebuild and reload open pages when a file changes (Ctrl-C stops).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SiteArgument siteArgument;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "1313",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 takes a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = "--future", description = "Include articles dated in the future.")
    boolean future;

    @Option(names = {"-v", "--verbose"}, description = "Also print notes and each build's stages with their times.")
    boolean verbose;

    /** The folder the command was started in: paths in messages are shown relative to it. */
    Path workingDir = Path.of("").toAbsolutePath();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("gazette serve: --port must be between 0 and 65535");
            return ExitCodes.USAGE;
        }
        if (!Files.isDirectory(siteArgument.site)) {
            err.println("gazette serve: site folder " + siteArgument.site + " does not exist");
            return ExitCodes.USAGE;
        }
        DevServer server;
        try {
            server = DevServer.start(new ServeRequest(siteArgument.site, bind, port, drafts, future),
                    Version.current(), new Printer(out, err, workingDir, verbose));
        } catch (IOException e) {
            err.println("gazette serve: cannot serve on " + bind + ":" + port + ": " + e.getMessage());
            return ExitCodes.IO;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gazette-serve-stop"));
        out.println("Serving " + siteArgument.site.toAbsolutePath().normalize() + " at " + server.address()
                + " (Ctrl-C to stop)");
        if (verbose) {
            out.println("Building into " + server.output() + (server.keepsOutput()
                    ? " (kept for the next start on this site and port; delete it any time)"
                    : " (a temporary folder, deleted when serve stops)"));
        }
        server.awaitClose();
        return ExitCodes.OK;
    }

    /** Prints each build's problems and one line on how it went. */
    private record Printer(PrintWriter out, PrintWriter err, Path shownFrom, boolean verbose)
            implements DevServer.Reporter {
        @Override
        public void built(long number, BuildResult result) {
            ProblemList.print(result.problems(), err, shownFrom, true, verbose);
            if (verbose) {
                for (BuildResult.Stage stage : result.stages()) {
                    out.printf(Locale.ROOT, "  %-9s %7.3f s%n", stage.name(), stage.took().toNanos() / 1e9);
                }
            }
            if (result.succeeded()) {
                out.printf(Locale.ROOT, "%s %s from %s (%s changed) in %.2f s.%n",
                        number == 1 ? "Built" : "Rebuilt", BuildCommand.count(result.pages(), "page"),
                        BuildCommand.count(result.articles(), "article"), BuildCommand.count(result.changed(), "file"),
                        result.elapsed().toMillis() / 1000.0);
            } else {
                long errors = result.problems().stream().filter(Problem::isError).count();
                err.printf(Locale.ROOT, "Build failed: %d error%s; still serving the last good build.%n", errors,
                        errors == 1 ? "" : "s");
            }
        }

        @Override
        public void broken(long number, String message) {
            err.println("gazette serve: " + message + "; still serving the last good build.");
        }
    }
}
