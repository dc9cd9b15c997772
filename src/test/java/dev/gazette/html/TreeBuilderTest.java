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
 * News copy goes from Markdown to the body processor as a tree instead of HTML text: every result (HTML,
 * summary, words, links, search terms) must be the one parsing the text gives, with and without French
 * typography, eager first images and a base path.
 */
class TreeBuilderTest {

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
            sentAsTrees += MARKDOWN.render(markdown).sendTo(new TreeBuilder(new org.jsoup.nodes.Element("body"))) ? 1 : 0;
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

    @Test
    void newsCopyIsSentAsATree() {
        assertThat(MARKDOWN.render("Plain *news* copy.").sendTo(new TreeBuilder(new org.jsoup.nodes.Element("body"))))
                .isTrue();
        assertThat(MARKDOWN.render("| a |\n|---|\n| 1 |").sendTo(new TreeBuilder(new org.jsoup.nodes.Element("body"))))
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
                    RenderedBody fromTree = bodies.process(rendered, eager, lang, TreeBuilderTest::link,
                            brokenFromTree::add);
                    RenderedBody fromText = bodies.process(asText, eager, lang, TreeBuilderTest::link,
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
