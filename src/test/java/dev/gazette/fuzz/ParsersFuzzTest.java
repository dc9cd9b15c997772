package dev.gazette.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gazette.content.Slugs;
import dev.gazette.html.HtmlArticleExtractor;
import dev.gazette.markdown.Shortcodes;
import dev.gazette.source.Boilerplate;
import dev.gazette.source.FrontMatter;
import dev.gazette.source.RawArticleParser;
import dev.gazette.source.SourceException;
import java.util.List;
import java.util.Optional;

/**
 * The parsers that read what people and scrapers write refuse bad input with a {@link SourceException} (a
 * message with a line), and never throw anything else. Under {@code mvn verify} each test runs once per input
 * committed under src/test/resources/dev/gazette/fuzz/ParsersFuzzTestInputs/ (a regression run); to fuzz,
 * run with {@code JAZZER_FUZZ=1} (docs/reliability.md).
 */
class ParsersFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void frontMatterIsReadOrRefusedWithALine(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        try {
            FrontMatter split = FrontMatter.split(text);
            split.fields();
        } catch (SourceException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "20s")
    void rawArticlesAreReadOrRefusedWithAMessage(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        try {
            new RawArticleParser(Boilerplate.withSitePatterns(List.of())).parse(text).markdown();
        } catch (SourceException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "20s")
    void savedPagesNeverCrashTheExtractor(byte[] input) {
        String html = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        var page = HtmlArticleExtractor.extract(html, "https://news.example.org/a/");
        // text may mention "file:"; no link, image or other attribute may point at one, and no script survives
        var body = org.jsoup.Jsoup.parseBodyFragment(page.bodyHtml());
        assertThat(body.select("script")).isEmpty();
        body.getAllElements().forEach(e -> e.attributes().forEach(attribute -> assertThat(attribute.getValue().strip())
                .as(attribute.getKey()).doesNotStartWithIgnoringCase("file:")));
    }

    @FuzzTest(maxDuration = "20s")
    void slugsNeverLeaveTheirFolder(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Slugs.of(text)).matches("[a-z0-9-]*");
        String written = Slugs.asWritten(text);
        assertThat(written).matches("[A-Za-z0-9_.-]*").doesNotStartWith(".");
    }

    @FuzzTest(maxDuration = "20s")
    void shortcodesNeverCrash(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        Shortcodes.expand(text, new Shortcodes.Site() {
            @Override
            public Optional<String> articleUrl(String reference) {
                return Optional.empty();
            }

            @Override
            public String basePath() {
                return "/";
            }

            @Override
            public String absoluteUrl(String sitePath) {
                return "https://news.example.org" + sitePath;
            }

            @Override
            public Optional<String> include(String name) {
                return Optional.empty();
            }
        });
    }

    @FuzzTest(maxDuration = "20s")
    void datesAreReadInTheirYearsOrNotAtAll(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        dev.gazette.content.Dates.parse(text, java.time.ZoneId.of("Europe/Paris")).ifPresent(date -> assertThat(
                date.getYear()).isBetween(dev.gazette.content.Dates.FIRST_YEAR, dev.gazette.content.Dates.LAST_YEAR));
    }
}
