package dev.gazette.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.SiteConfig;
import dev.gazette.source.BodyText;
import dev.gazette.source.SourceDocument;
import dev.gazette.source.SourceFormat;
import dev.gazette.source.YamlMap;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermalinksTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2022, 3, 7, 9, 0, 0, 0, ZoneId.of("UTC"));
    private static final SourceDocument DOC = new SourceDocument(Path.of("/site/content/Monde/2022-03-07-kyiv.md"),
            "Monde/2022-03-07-kyiv.md", SourceFormat.MARKDOWN, YamlMap.EMPTY, BodyText.of(""), 1, Instant.EPOCH);

    private static SiteConfig config(String baseUrl, String permalink) {
        SiteConfig d = SiteConfig.defaults();
        return new SiteConfig(d.title(), d.description(), baseUrl, d.language(), d.timezone(), permalink, 10, 10,
                List.of(), false, List.of(), d.detectLanguages(), 20, true, false, d.termFeeds(), null, true, List.of(), false);
    }

    @Test
    void defaultPatternIsYearMonthSlug() {
        assertThat(Permalinks.expand(config("/", SiteConfig.DEFAULT_PERMALINK), DOC, DATE, "kyiv-talks"))
                .isEqualTo("/2022/03/kyiv-talks/");
    }

    @Test
    void everyTokenIsExpandedAndTheBasePathKept() {
        assertThat(Permalinks.expand(config("https://example.org/news/", "/:section/:year/:month/:day/:filename/"),
                DOC, DATE, "ignored")).isEqualTo("/news/monde/2022/03/07/kyiv/");
    }

    @Test
    void anEmptySectionLeavesNoDoubleSlash() {
        SourceDocument top = new SourceDocument(Path.of("/site/content/a.md"), "a.md", SourceFormat.MARKDOWN,
                YamlMap.EMPTY, BodyText.of(""), 1, Instant.EPOCH);
        assertThat(Permalinks.expand(config("/", "/:section/:slug/"), top, DATE, "a")).isEqualTo("/a/");
    }

    @Test
    void outputPathsArePrettyUrls() {
        assertThat(Urls.outputPath("/news/2022/03/a/", "/news/")).isEqualTo("2022/03/a/index.html");
        assertThat(Urls.outputPath("/", "/")).isEqualTo("index.html");
        assertThat(Urls.outputPath("/feed.xml", "/")).isEqualTo("feed.xml");
    }
}
