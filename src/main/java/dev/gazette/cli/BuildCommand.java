package dev.gazette.cli;

import dev.gazette.build.BuildException;
import dev.gazette.build.BuildRequest;
import dev.gazette.build.BuildResult;
import dev.gazette.build.SiteBuilder;
import dev.gazette.problem.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code gazette build}: the site folder into the output folder. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Build the site in SITE into its output folder.")
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SiteArgument siteArgument;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: SITE/public).")
    Path output;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = "--future", description = "Include articles dated in the future.")
    boolean future;

    @Option(names = "--base-url", paramLabel = "URL", description = "Override site.yaml's base_url.")
    String baseUrl;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Threads to render with (default: the number of cores).")
    Integer jobs;

    @Option(names = "--clean", description = "Ignore the build cache and render every page again.")
    boolean clean;

    @Option(names = "--strict", description = "Fail the build on an error in any article file (by default the file is "
            + "left out, reported, and the rest of the site is published).")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print notes (such as boilerplate stripped from raw articles) and stack traces of internal errors.")
    boolean verbose;

    /** The folder the command was started in: paths in messages are shown relative to it. */
    Path workingDir = Path.of("").toAbsolutePath();

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * The options of a plain build command line ({@code SITE -o DIR -q} and the like) read without picocli, whose
     * reflection over the options and loading of its classes (which the JVM's class-data archive cannot hold:
     * they are compiled for Java 5) take a fifth of a second before a build can start. Empty for anything else
     * (help, version, unknown or malformed options, options run together), which picocli then reads and reports;
     * BuildCommandLineTest holds that both read every option alike.
     */
    static java.util.Optional<BuildCommand> quickParse(Path workingDir, String... args) {
        BuildCommand command = new BuildCommand();
        command.siteArgument = new SiteArgument();
        command.workingDir = workingDir;
        String site = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            boolean takesValue = switch (name) {
                case "-o", "--output", "--base-url", "-j", "--jobs" -> true;
                default -> false;
            };
            if (takesValue && value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                    return java.util.Optional.empty();
                }
                value = args[++i];
            } else if (!takesValue && value != null) {
                return java.util.Optional.empty();
            }
            switch (name) {
                case "-o", "--output" -> command.output = workingDir.resolve(value);
                case "--base-url" -> command.baseUrl = value;
                case "-j", "--jobs" -> {
                    if (!value.matches("-?[0-9]{1,9}")) {
                        return java.util.Optional.empty();
                    }
                    command.jobs = Integer.parseInt(value);
                }
                case "--drafts" -> command.drafts = true;
                case "--future" -> command.future = true;
                case "--clean" -> command.clean = true;
                case "--strict" -> command.strict = true;
                case "-q", "--quiet" -> command.quiet = true;
                case "-v", "--verbose" -> command.verbose = true;
                default -> {
                    if (arg.startsWith("-") || site != null) {
                        return java.util.Optional.empty();
                    }
                    site = arg;
                }
            }
        }
        command.siteArgument.site = workingDir.resolve(site == null ? "." : site);
        return java.util.Optional.of(command);
    }

    /** Runs the build, printing to {@code out} and {@code err}; returns the exit code. */
    Integer execute(PrintWriter out, PrintWriter err) {
        if (jobs != null && jobs < 1) {
            err.println("gazette build: --jobs must be at least 1");
            return ExitCodes.USAGE;
        }
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        BuildRequest request = new BuildRequest(siteArgument.site, output, drafts, future, baseUrl, threads, Instant.now(), clean,
                strict);
        Path shownFrom = workingDir;
        try {
            BuildResult result = new SiteBuilder(Version.current()).build(request);
            ProblemList.print(result.problems(), err, shownFrom, !quiet, verbose);
            if (!result.succeeded()) {
                long errors = result.problems().stream().filter(Problem::isError).count();
                err.printf(Locale.ROOT, "Build failed: %d error%s; %s left as it was.%n", errors, errors == 1 ? "" : "s",
                        shown(request.output(), shownFrom));
                return ExitCodes.CONTENT;
            }
            if (verbose) {
                for (BuildResult.Stage stage : result.stages()) {
                    out.printf(Locale.ROOT, "  %-9s %7.3f s%n", stage.name(), stage.took().toNanos() / 1e9);
                }
            }
            if (!quiet) {
                out.printf(Locale.ROOT, "Built %s from %s into %s (%s changed) in %.2f s.%n",
                        count(result.pages(), "page"), count(result.articles(), "article"),
                        shown(request.output(), shownFrom), count(result.changed(), "file"),
                        result.elapsed().toMillis() / 1000.0);
                if (result.skipped() > 0) {
                    out.printf(Locale.ROOT, "Left out %d file%s with errors (listed above; --strict fails the build "
                            + "instead).%n", result.skipped(), result.skipped() == 1 ? "" : "s");
                }
                result.scheduleLines().forEach(out::println);
            }
            return ExitCodes.OK;
        } catch (BuildException e) {
            err.println("gazette build: " + e.getMessage());
            if (verbose && e.getCause() != null) {
                e.printStackTrace(err);
            }
            return e.isRefusal() ? ExitCodes.USAGE : ExitCodes.IO;
        }
    }

    private static String shown(Path path, Path from) {
        return path.startsWith(from) && !path.equals(from) ? from.relativize(path).toString() : path.toString();
    }

    /** "1 page", "12 pages": the build summary's counts. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
