package dev.gazette.cli;

import dev.gazette.importer.Importer;
import dev.gazette.problem.Problem;
import dev.gazette.problem.Problems;
import dev.gazette.source.SiteConfigFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gazette import}: raw .txt articles and saved .html pages into Markdown articles. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Convert raw .txt articles and saved .html article pages into Markdown files with front matter.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import (.txt or .html).")
    List<Path> files;

    @Option(names = "--to", paramLabel = "DIR", defaultValue = "content",
            description = "Folder to write the Markdown files into (default: content).")
    Path to;

    @Option(names = "--site", paramLabel = "SITE", defaultValue = ".",
            description = "Site whose site.yaml gives time zone, languages and boilerplate patterns (default: .).")
    Path site;

    @Option(names = "--force", description = "Replace files that already exist.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path shownFrom = Path.of("").toAbsolutePath();
        Problems problems = new Problems();
        try {
            Importer importer = new Importer(SiteConfigFile.load(site, problems));
            List<Importer.Imported> converted = new ArrayList<>();
            for (Path file : files) {
                importer.convert(file.toAbsolutePath(), problems).ifPresent(converted::add);
            }
            for (Path written : importer.write(converted, to, force, problems)) {
                out.println("wrote " + written);
            }
        } catch (IOException e) {
            err.println("gazette import: " + e.getMessage());
            return ExitCodes.IO;
        }
        for (Problem problem : problems.sorted()) {
            if (problem.severity() != Problem.Severity.NOTE) {
                err.println(problem.format(shownFrom));
            }
        }
        return problems.hasErrors() ? ExitCodes.CONTENT : ExitCodes.OK;
    }
}
