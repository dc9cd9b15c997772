package dev.gazette.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gazette}: the entry point. {@link #run} is the whole CLI, testable in-process. */
@Command(name = "gazette", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A static site generator for news.",
        subcommands = {BuildCommand.class, ServeCommand.class, ImportCommand.class, CheckCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:content or template problems", "2:usage error", "3:I/O or internal error"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Path.of("").toAbsolutePath(), out, err, args);
    }

    /**
     * Runs the command line as if started in {@code workingDir}: relative paths on it are resolved there, and
     * messages show paths relative to it.
     */
    public static int run(Path workingDir, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.registerConverter(Path.class, text -> workingDir.resolve(text));
        ((BuildCommand) cli.getSubcommands().get("build").getCommand()).workingDir = workingDir;
        ((ServeCommand) cli.getSubcommands().get("serve").getCommand()).workingDir = workingDir;
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.IO);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("gazette: " + e.getMessage());
            err.println("Try 'gazette --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("gazette: internal error: " + e);
            if (java.util.List.of(args).contains("--verbose") || java.util.List.of(args).contains("-v")) {
                e.printStackTrace(err);
            } else {
                err.println("Run again with --verbose for the stack trace, and please report it.");
            }
            return ExitCodes.IO;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}
