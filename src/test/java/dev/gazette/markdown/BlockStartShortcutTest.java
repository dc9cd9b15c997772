package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Texts in which no line can open a fenced code block or a list are parsed without those two block parsers
 * ({@link MarkdownRenderer#parse}): the result must be the full parser's, byte for byte, however close the text
 * comes to opening one.
 */
class BlockStartShortcutTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    @ParameterizedTest
    @ValueSource(strings = {
        "```\ncode\n```", "~~~\ncode\n~~~", "- item", "* item", "+ item", "1. item", "3) item",
        "Text\n- item", "Text\r\n   2. item", "> - quoted item", ">> ```", "\t* tab", "   ~~~ ",
        "Para\n\n    - indented", "[^1]: - a footnote whose text is a list", "- - -", "Title\n-", "*\titem",
        "123456789) nine digits", "Text\n\n1.", "+\r\nempty item",
        "<div>\n- a line no list could start in HTML, seen all the same\n</div>",
    })
    void seesEveryLineThatCouldOpenAFenceOrAList(String markdown) {
        assertThat(MarkdownRenderer.mayOpenFenceOrList(markdown)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "\n\n", "A paragraph.", "A paragraph with a - dash, a * star, 3. numbers and `code` inside.",
        "Première ligne\r\nDeuxième ligne\rTroisième", "> A quote\n> on two lines", "# A heading\n\nText",
        "Title\n=====\n\nText", "| a | b |\n|:-:|---|\n| 1 | 2 |", "<div>\nHTML\n</div>",
        "Text\u00a0- after a no-break space", "   \n\t\n>", "Text ~~struck~~ and ***strong*** in a line",
        "**Bold lead** of a story", "*Photo: someone*", "***", "Title\n---", "``code`` first", "~~struck~~ first",
        "2019 was a year", "1234567890. ten digits", "3.5 million", "[ref]: /url\n\n[ref]", "-- a dash", "+1 vote",
    })
    void givesTheFullParsersResultWhereNoLineCanOpenOne(String markdown) {
        assertThat(MarkdownRenderer.mayOpenFenceOrList(markdown)).isFalse();
        assertThat(MARKDOWN.renderWithFlexmarkAfterShortcut(markdown)).isEqualTo(MARKDOWN.renderWithFlexmark(markdown));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "- a\n- b\n\nText", "- a list, no fence", "```\na fence, no list\n```", "1. one\n2) two\n\n10. ten", "* a\n\n  * nested\n\n    ```\n    code in a list\n    ```",
        "```\ncode\n```\nText", "~~~ java\n- not a list in a fence\n~~~", "> - quoted\n> - list", "Para\n- interrupting",
        "Para\n2. not interrupting", "- \n-\n+ empty items", "Text[^1]\n\n[^1]: - a list in a footnote",
    })
    void textsWithListsOrFencesGiveTheFullParsersResult(String markdown) {
        assertThat(MARKDOWN.renderWithFlexmarkAfterShortcut(markdown)).isEqualTo(MARKDOWN.renderWithFlexmark(markdown));
    }

    @Test
    void tellsListsFromFences() {
        assertThat(MarkdownRenderer.unopened("- a list, no fence")).isEqualTo(MarkdownRenderer.FENCES);
        assertThat(MarkdownRenderer.unopened("```\na fence, no list\n```")).isEqualTo(MarkdownRenderer.LISTS);
        assertThat(MarkdownRenderer.unopened("Neither.")).isEqualTo(MarkdownRenderer.FENCES | MarkdownRenderer.LISTS);
        assertThat(MarkdownRenderer.unopened("[^1]: a footnote")).isZero();
    }

    @Test
    void randomNewsCopyRendersAsWithTheFullParser() {
        for (String markdown : NewsCopySamples.random(11, 300)) {
            assertThat(MARKDOWN.renderWithFlexmarkAfterShortcut(markdown)).as(markdown)
                    .isEqualTo(MARKDOWN.renderWithFlexmark(markdown));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.gazette.markdown.NewsCopySamples#markdown")
    void newsCopyTakesTheShortcutAndRendersAsWithTheFullParser(String markdown) {
        assertThat(MARKDOWN.renderWithFlexmarkAfterShortcut(markdown)).isEqualTo(MARKDOWN.renderWithFlexmark(markdown));
    }

    /**
     * Random news copy (emphasis, links, images, headings, quotes, hard breaks, typography) with every line that
     * could open a fence or a list given a word in front, so that all of it takes the shortcut.
     */
    @Test
    void randomNewsCopyWithoutListsRendersAsWithTheFullParser() {
        for (String random : NewsCopySamples.random(7, 300)) {
            StringBuilder markdown = new StringBuilder();
            for (String line : random.split("\n", -1)) {
                String start = line.replaceFirst("^[ \t>]*", "");
                boolean opens = start.matches("(?s)(```|~~~|[-*+](\\s.*)?|[0-9]{1,9}[.)](\\s.*)?|\\[\\^).*");
                markdown.append(opens ? "Le " + line : line).append('\n');
            }
            String text = markdown.toString();
            assertThat(MarkdownRenderer.mayOpenFenceOrList(text)).as(text).isFalse();
            assertThat(MARKDOWN.renderWithFlexmarkAfterShortcut(text)).as(text).isEqualTo(MARKDOWN.renderWithFlexmark(text));
        }
    }
}
