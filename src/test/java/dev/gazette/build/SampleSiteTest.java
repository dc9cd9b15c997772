package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's own sample site (content/, templates/, static/, site.yaml) builds cleanly and shows it all. */
class SampleSiteTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();

    @TempDir
    Path out;

    @Test
    void sampleSiteBuildsWithEveryLinkResolvingAndEveryFeatureShown() throws Exception {
        BuildResult result = new SiteBuilder("test").build(
                new BuildRequest(REPOSITORY, out, false, false, null, 2, Instant.parse("2026-01-01T00:00:00Z"), false));
        assertThat(result.succeeded()).as(TestSite.describe(result.problems())).isTrue();
        assertThat(result.articles()).isGreaterThanOrEqualTo(12);
        assertThat(OutputLinks.broken(out, "/")).isEmpty();

        assertThat(Files.exists(out.resolve("page/2/index.html"))).as("pagination").isTrue();
        Document tags = Jsoup.parse(out.resolve("tags/index.html").toFile());
        assertThat(tags.select(".term-list li")).hasSizeGreaterThan(10);

        Set<String> languages = new HashSet<>();
        boolean table = false;
        boolean footnotes = false;
        boolean leadImage = false;
        try (var files = Files.walk(out.resolve("2022"))) {
            for (Path page : files.filter(f -> f.getFileName().toString().equals("index.html")).toList()) {
                Document doc = Jsoup.parse(page.toFile());
                if (doc.selectFirst("article.story") == null) {
                    continue;
                }
                languages.add(doc.selectFirst("html").attr("lang"));
                table |= doc.selectFirst(".story-body table") != null;
                footnotes |= doc.selectFirst(".footnotes") != null;
                leadImage |= doc.selectFirst("figure.lead-image img[width]") != null;
                assertThat(doc.select("h1")).as(page.toString()).hasSize(1);
            }
        }
        assertThat(languages).contains("en", "fr", "de", "es");
        assertThat(table).as("a table").isTrue();
        assertThat(footnotes).as("footnotes").isTrue();
        assertThat(leadImage).as("a sized lead image").isTrue();
    }
}
