package dev.gazette.source;

import dev.gazette.config.SiteConfig;
import dev.gazette.config.SiteConfigReader;
import dev.gazette.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a site's site.yaml (when it has one) into a {@link SiteConfig}; problems name site.yaml's lines. */
public final class SiteConfigFile {

    private SiteConfigFile() {
    }

    public static SiteConfig load(Path site, Problems problems) throws IOException {
        Path file = site.resolve("site.yaml");
        if (!Files.isRegularFile(file)) {
            return SiteConfig.defaults();
        }
        try {
            String text = TextDecoder.decode(Files.readAllBytes(file)).text();
            YamlMap yaml = YamlReader.read(text, 1);
            return SiteConfigReader.read(yaml.values(), yaml.lines(), file, problems);
        } catch (SourceException e) {
            problems.error(file, e.line(), e.getMessage());
            return SiteConfig.defaults();
        }
    }
}
