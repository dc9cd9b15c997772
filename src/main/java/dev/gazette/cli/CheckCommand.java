package dev.gazette.cli;

import dev.gazette.build.BuildException;
import dev.gazette.build.BuildRequest;
import dev.gazette.build.BuildResult;
import dev.gazette.build.SiteBuilder;
import dev.gazette.html.LinkChecker;
import dev.gazette.output.OutputFolder;
import dev.gazette.problem.Problem;
import dev.gazette.problem.Problems;
import dev.gazette.source.SiteConfigFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code gazette check}: builds the site into a temporary folder (the site's output is not touched), reports
 * every problem and every internal link that leads nowhere, then deletes the temporary folder.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Build SITE into a temporary folder and report every problem and broken internal link.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SiteArgument siteArgument;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path shownFrom = Path.of("").toAbsolutePath();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("gazette-check-");
            Path output = scratch.resolve("public");
            BuildResult result = new SiteBuilder(Version.current()).build(new BuildRequest(siteArgument.site, output, false, false,
                    null, Runtime.getRuntime().availableProcessors(), Instant.now(), true, true));
            ProblemList.print(result.problems(), err, shownFrom, true, false);
            long errors = result.problems().stream().filter(Problem::isError).count();
            if (result.succeeded()) {
                String basePath = SiteConfigFile.load(siteArgument.site.toAbsolutePath(), new Problems()).basePath();
                List<LinkChecker.BrokenLink> broken = LinkChecker.check(output, basePath);
                broken.forEach(b -> err.println(b.page() + ": link to '" + b.target() + "' leads to no page or file"));
                errors += broken.size();
            }
            if (errors > 0) {
                err.printf(Locale.ROOT, "%d problem%s found.%n", errors, errors == 1 ? "" : "s");
                return ExitCodes.CONTENT;
            }
            out.printf(Locale.ROOT, "No problems: %d pages from %d articles, every internal link resolves.%n",
                    result.pages(), result.articles());
            return ExitCodes.OK;
        } catch (BuildException e) {
            err.println("gazette check: " + e.getMessage());
            return e.isRefusal() ? ExitCodes.USAGE : ExitCodes.IO;
        } catch (IOException e) {
            err.println("gazette check: " + e.getMessage());
            return ExitCodes.IO;
        } finally {
            if (scratch != null) {
                try {
                    OutputFolder.deleteTree(scratch);
                } catch (IOException e) {
                    // a temporary folder left behind is not worth failing the check for
                }
            }
        }
    }
}
