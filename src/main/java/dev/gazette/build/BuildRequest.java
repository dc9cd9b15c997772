package dev.gazette.build;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What to build.
 *
 * @param site the site folder (holding content/, templates/, static/, site.yaml)
 * @param output the output folder; null means {@code site/public}
 * @param baseUrl overrides site.yaml's base_url when not null
 * @param jobs threads to render with, at least 1
 * @param now the moment that decides which articles are future or expired
 * @param clean ignore the build cache beside the output: render everything
 * @param strict fail the build on an error in any article file, instead of leaving that file out
 */
public record BuildRequest(Path site, Path output, boolean drafts, boolean future, String baseUrl, int jobs,
        Instant now, boolean clean, boolean strict) {

    /** A request that leaves out article files with errors and publishes the rest (not strict). */
    public BuildRequest(Path site, Path output, boolean drafts, boolean future, String baseUrl, int jobs, Instant now,
            boolean clean) {
        this(site, output, drafts, future, baseUrl, jobs, now, clean, false);
    }

    public BuildRequest {
        requireNonNull(site, "site is null");
        requireNonNull(now, "now is null");
        site = site.toAbsolutePath().normalize();
        output = output == null ? site.resolve("public") : output.toAbsolutePath().normalize();
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
    }

    /** A request with the defaults of {@code gazette build SITE}. */
    public static BuildRequest of(Path site) {
        return new BuildRequest(site, null, false, false, null, Runtime.getRuntime().availableProcessors(), Instant.now(),
                false);
    }
}
