package dev.gazette.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The SITE argument that commands working on a site share: a folder, the current one by default. */
final class SiteArgument {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE", defaultValue = ".",
            description = "The site folder (default: the current folder).")
    Path site;
}
