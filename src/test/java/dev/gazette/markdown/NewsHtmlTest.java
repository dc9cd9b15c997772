package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast renderer for news copy gives exactly the bytes of Flexmark's renderer, or leaves the document to it. */
class NewsHtmlTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    @ParameterizedTest
    @MethodSource("dev.gazette.markdown.NewsCopySamples#markdown")
    void givesFlexmarksBytesForNewsCopy(String markdown) {
        String fast = MARKDOWN.renderWithNewsHtml(markdown);
        assertThat(fast).as("handled by the fast renderer").isNotNull();
        assertThat(fast).isEqualTo(MARKDOWN.renderWithFlexmark(markdown));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Text[^1]\n\n[^1]: A footnote.",
        "```java\ncode();\n```",
        "    indented code",
        "<div>raw html</div>",
        "Inline <span>html</span>",
        "[ref link][r]\n\n[r]: /x",
        "<https://auto.example.org>",
    })
    void leavesEverythingElseToFlexmark(String markdown) {
        assertThat(MARKDOWN.renderWithNewsHtml(markdown)).isNull();
        assertThat(MARKDOWN.render(markdown).html()).isEqualTo(MARKDOWN.renderWithFlexmark(markdown));
    }

    @ParameterizedTest
    @MethodSource("dev.gazette.markdown.NewsCopySamples#sampleArticles")
    void theSampleSiteRendersAsWithFlexmark(Path article) throws IOException {
        String body = NewsCopySamples.body(article);
        assertThat(MARKDOWN.render(body).html()).isEqualTo(MARKDOWN.renderWithFlexmark(body));
    }
}
