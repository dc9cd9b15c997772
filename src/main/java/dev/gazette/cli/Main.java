package dev.gazette.cli;

import dev.gazette.build.SiteBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        // A command's own command line when the first argument names it: reflecting over every command's options
        // is a tenth of a second of a small site's build, spent before any work.
        if (args.length > 0 && (args[0].equals("build") || args[0].equals("check"))) {
            SiteBuilder.warmUpLibraries();
        }
        if (args.length > 0 && args[0].equals("build")) {
            java.util.Optional<BuildCommand> quick = BuildCommand.quickParse(workingDir,
                    Arrays.copyOfRange(args, 1, args.length));
            if (quick.isPresent()) {
                try {
                    return quick.get().execute(out, err);
                } catch (RuntimeException e) {
                    return internalError(e, err, quick.get().verbose);
                }
            }
        }
        Object command = args.length == 0 ? null : switch (args[0]) {
            case "build" -> new BuildCommand();
            case "serve" -> new ServeCommand();
            case "import" -> new ImportCommand();
            case "check" -> new CheckCommand();
            default -> null;
        };
        CommandLine cli;
        if (command == null) {
            cli = new CommandLine(new Main());
        } else {
            cli = new CommandLine(command).setCommandName("gazette " + args[0]);
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        cli.registerConverter(Path.class, text -> workingDir.resolve(text));
        for (CommandLine line : command == null ? cli.getSubcommands().values() : List.of(cli)) {
            if (line.getCommand() instanceof BuildCommand build) {
                build.workingDir = workingDir;
            } else if (line.getCommand() instanceof ServeCommand serve) {
                serve.workingDir = workingDir;
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.IO);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("gazette: " + e.getMessage());
            err.println("Try 'gazette --help'.");
            return ExitCodes.USAGE;
        });
        boolean verbose = List.of(args).contains("--verbose") || List.of(args).contains("-v");
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> internalError(e, err, verbose));
        return cli.execute(args);
    }

    private static int internalError(Exception e, PrintWriter err, boolean verbose) {
        err.println("gazette: internal error: " + e);
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("Run again with --verbose for the stack trace, and please report it.");
        }
        return ExitCodes.IO;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}
