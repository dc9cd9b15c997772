package dev.gazette.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.markdown.NewsCopySamples;
import dev.gazette.media.ImageSizes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The body's HTML is written exactly as jsoup writes it, or left to jsoup. */
class BodyHtmlTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final BodyProcessor BODIES = new BodyProcessor(true, "/", new ImageSizes(Path.of("static"), "/"));

    @Test
    void escapesEveryCodeUnitAsJsoupDoes() {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        for (int c = 0; c <= 0xFFFF; c++) {
            String value = "x" + (char) c + "y";
            body.empty();
            body.appendChild(new TextNode(value));
            assertThat(BodyHtml.written(body)).as("text U+%04X", c).isEqualTo(body.html());
            body.empty();
            body.appendElement("a").attr("href", value);
            assertThat(BodyHtml.written(body)).as("attribute U+%04X", c).isEqualTo(body.html());
        }
        body.empty();
        body.appendChild(new TextNode("pair \uD83D\uDE00, reversed \uDE00\uD83D, alone \uD83D"));
        assertThat(BodyHtml.written(body)).isEqualTo(body.html());
    }

    @ParameterizedTest
    @MethodSource("dev.gazette.markdown.NewsCopySamples#markdown")
    void writesNewsCopyAsJsoupDoes(String markdown) {
        assertWrittenAsJsoupWrites(markdown);
        Document doc = Jsoup.parseBodyFragment(MARKDOWN.render(markdown).html());
        assertThat(BodyHtml.written(doc.body())).as("written without jsoup").isNotNull();
    }

    @Test
    void writesRandomNewsCopyAsJsoupDoes() {
        int written = 0;
        for (String markdown : NewsCopySamples.random(1129, 400)) {
            assertWrittenAsJsoupWrites(markdown);
            Document doc = Jsoup.parseBodyFragment(MARKDOWN.render(markdown).html());
            written += BodyHtml.written(doc.body()) != null ? 1 : 0;
        }
        assertThat(written).as("documents written without jsoup").isGreaterThan(250);
    }

    @ParameterizedTest
    @MethodSource("dev.gazette.markdown.NewsCopySamples#sampleArticles")
    void writesTheSampleSiteAsJsoupDoes(Path article) throws IOException {
        assertWrittenAsJsoupWrites(NewsCopySamples.body(article));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Text[^1]\n\n[^1]: A footnote.",
        "```java\ncode(\"<b>\");\n```",
        "<div class=\"box\" data-x=\"1\">raw html</div>",
        "Inline <span>html</span> and <input disabled> and <b title>t</b>",
        "![Figure](/a.png \"A caption\")\n\n# Heading\n\n## Heading",
    })
    void leavesOtherBodiesToJsoupOrWritesThemAlike(String markdown) {
        assertWrittenAsJsoupWrites(markdown);
        Document doc = Jsoup.parseBodyFragment(MARKDOWN.render(markdown).html());
        doc.outputSettings().prettyPrint(false);
        assertThat(BodyHtml.of(doc.body())).isEqualTo(doc.body().html());
    }

    /** Processes the body, then checks the writer on the document jsoup reads back from the result. */
    private static void assertWrittenAsJsoupWrites(String markdown) {
        RenderedBody processed = BODIES.process(MARKDOWN.render(markdown), false, "fr", href -> Optional.empty(),
                href -> { });
        Document doc = Jsoup.parseBodyFragment(processed.html());
        doc.outputSettings().prettyPrint(false);
        assertThat(BodyHtml.of(doc.body())).isEqualTo(doc.body().html()).isEqualTo(processed.html());
    }
}
