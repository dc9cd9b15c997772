package dev.gazette.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.markdown.NewsCopySamples;
import dev.gazette.markdown.RenderedMarkdown;
import dev.gazette.media.ImageSizes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * News copy goes from Markdown to the body processor element by element instead of as HTML text, and is processed
 * without a jsoup tree ({@link NewsCopyBody}): every result (HTML, summary, words, links, search terms, broken
 * links) must be the one parsing the text with jsoup gives, with and without French typography, eager first
 * images and a base path.
 */
class NewsCopyBodyTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    @ParameterizedTest
    @MethodSource("dev.gazette.markdown.NewsCopySamples#markdown")
    void theTreeGivesWhatParsingTheTextGives(String markdown) {
        assertSameBody(markdown);
    }

    @ParameterizedTest
    @MethodSource("dev.gazette.markdown.NewsCopySamples#sampleArticles")
    void theSampleSiteGivesWhatParsingTheTextGives(Path article) throws IOException {
        assertSameBody(NewsCopySamples.body(article));
    }

    @Test
    void randomNewsCopyGivesWhatParsingTheTextGives() {
        int sentAsTrees = 0;
        for (String markdown : NewsCopySamples.random(20221129, 400)) {
            sentAsTrees += MARKDOWN.render(markdown).sendTo(new BodyEvents()) ? 1 : 0;
            assertSameBody(markdown);
        }
        assertThat(sentAsTrees).as("documents that took the tree path").isGreaterThan(250);
    }

    @Test
    void bodiesWithLinksHeadingsImagesAndBareUrls() {
        assertSameBody("""
                # Title in the body

                ## Section *one*

                A [link to another article](../b.md#part) and a [broken one](missing.md), a bare
                https://example.org/x?y=1&z=2 and www.example.org, an image:

                ![Port at night](/images/port.jpg "The port, at night")

                ## Section *one*

                > « Quote » : fin ; vraiment ! l'apostrophe, "quotes" -- dash... \\
                > second line

                - [x](/root/link)
                - ![inline](rel.png) in a list
                """);
    }

    @ParameterizedTest
    @MethodSource("textEdges")
    void whereTextRunsMeetElements(String markdown) {
        assertSameBody(markdown);
    }

    /** Where jsoup's text of a paragraph or heading adds or drops a space: images, line breaks, blank text. */
    static List<String> textEdges() {
        return List.of(
                "An ![inline](x.png)image then text, and more words to make a summary.",
                "An ![inline](x.png) image then text.",
                "![lead](x.png)*emphasis* after an image.",
                "![lead](x.png)https://example.org/report after an image.",
                "![one](a.png)![two](b.png)\n\nSecond paragraph.",
                "## Heading ![i](x.png)text\n\n## Heading ![i](x.png)text",
                "### A *b*![c](d.png)`code`",
                "First line  \nsecond line after a break\\\nthird.",
                "Soft\nline   breaks\n  and    spaces.",
                "![captioned](/images/a.png \"A caption & <more>\")",
                "![empty title](/images/a.png \"\")",
                "  ![captioned](a.png \"Cap\")  ",
                "> ![in a quote](a.png \"Cap\")",
                "- ![in a list](a.png \"Cap\")\n- text",
                "Le « mot » : fin ; vraiment ! Et l'URL https://example.org/a : voilà.",
                "Text with\u00A0no-break\u00A0spaces and\u202Fnarrow ones.",
                "[link ![img](a.png) inside](https://example.org/x) and text",
                "word" + "s ".repeat(80) + "\n\nSecond.",
                "Short.\n\n![fig](a.png \"Cap\")\n\nAfter the figure, the summary goes on.",
                "![sized, with copies](/images/heat-town.jpg \"Heat\")\n\nText ![inline](/images/port-volumes.png) x");
    }

    @Test
    void summaryWordsAreSplitAsARegexSplitsThem() {
        java.util.Random random = new java.util.Random(20261205);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(30); c > 0; c--) {
                text.append("ab \u00A0\u202F".charAt(random.nextInt(5)));
            }
            String stripped = text.toString().strip();
            if (!stripped.isEmpty()) {
                assertThat(BodyProcessor.words(stripped)).as("'%s'", stripped).containsExactly(stripped.split(" +"));
            }
        }
    }

    @Test
    void aBodyWithAnElementNewsCopyHasNotBecomesTheTreeParsingItsHtmlGives() {
        BodyEvents events = new BodyEvents();
        events.start("p", "class", "x");
        events.text("a ");
        events.entity("&amp;");
        events.text(" b");
        events.start("mark");
        events.text("c");
        events.end();
        events.end();
        events.text("\n");
        assertThat(events.close()).isFalse();
        org.jsoup.nodes.Document doc = org.jsoup.nodes.Document.createShell("");
        events.appendTo(doc.body());
        org.jsoup.nodes.Element parsed = org.jsoup.Jsoup.parseBodyFragment("<p class=\"x\">a &amp; b<mark>c</mark></p>\n").body();
        assertThat(doc.body().html()).isEqualTo(parsed.html());
        assertThat(doc.body().childNodeSize()).isEqualTo(parsed.childNodeSize());
        assertThat(doc.body().child(0).childNodeSize()).isEqualTo(2);
    }

    @Test
    void newsCopyIsSentAsATree() {
        assertThat(MARKDOWN.render("Plain *news* copy.").sendTo(new BodyEvents()))
                .isTrue();
        assertThat(MARKDOWN.render("| a |\n|---|\n| 1 |").sendTo(new BodyEvents()))
                .isFalse();
    }

    private static void assertSameBody(String markdown) {
        RenderedMarkdown rendered = MARKDOWN.render(markdown);
        RenderedMarkdown asText = new RenderedMarkdown(rendered.html(), rendered.containsRawHtml());
        for (String basePath : List.of("/", "/news/")) {
            BodyProcessor bodies = new BodyProcessor(true, basePath, new ImageSizes(Path.of("static"), basePath));
            for (String lang : new String[] {null, "fr"}) {
                for (boolean eager : new boolean[] {true, false}) {
                    List<String> brokenFromTree = new ArrayList<>();
                    List<String> brokenFromText = new ArrayList<>();
                    RenderedBody fromTree = bodies.process(rendered, eager, lang, NewsCopyBodyTest::link,
                            brokenFromTree::add);
                    RenderedBody fromText = bodies.process(asText, eager, lang, NewsCopyBodyTest::link,
                            brokenFromText::add);
                    assertThat(fromTree).as("base %s, language %s, eager %s", basePath, lang, eager)
                            .isEqualTo(fromText);
                    assertThat(brokenFromTree).isEqualTo(brokenFromText);
                }
            }
        }
    }

    private static Optional<String> link(String href) {
        return href.startsWith("../b.md") ? Optional.of("/articles/b/" + href.substring(7)) : Optional.empty();
    }
}
