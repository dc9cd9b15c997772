package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast renderer for news copy gives exactly the bytes of Flexmark's renderer, or leaves the document to it. */
class NewsHtmlTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    @ParameterizedTest
    @ValueSource(strings = {
        "Plain paragraph.",
        "Two\nlines, one paragraph.\n\nAnd a second paragraph.",
        "*em* **strong** ***both*** _under_ __strong__ ~~struck~~",
        "Text with & < > \" and 5 > 3 & x < y.",
        "Entities: &copy; &amp; &#35; &#x41; &quot;quoted&quot; &nbsp;end &bogus;",
        "Backslash \\*not em\\* and \\[brackets\\] and \\\\ backslash.",
        "\"Double quotes\" and 'single' and l'apostrophe -- en --- em... and << angle >>",
        "« Déjà vu », dit-il — puis : « C’est tout ! »",
        "Inline `code <b>&amp;</b>` and `` double `tick` `` and `multi\nline  code`.",
        "Hard break with spaces  \nand with backslash\\\nand soft\nbreak.",
        "[link](http://example.org/a?b=1&c=2) [titled](/x \"A <title> & more\") [angle](<b.html>)",
        "[**bold** link](https://example.org/ 'single title') and [empty]()",
        "![alt *with em*](/images/a.png \"Caption\") ![plain](b.jpg) ![](c.gif)",
        "![alt \"quoted\" & stuff](/d.png)",
        "# H1\n\n## H2 *em*\n\n### H3\n\n#### H4\n\n##### H5\n\n###### H6",
        "Setext one\n===\n\nSetext two\n---",
        "> Quote\n> on two lines\n>\n> Second paragraph\n>\n> > nested quote",
        "> — Agnès Poirier, économiste",
        "- a\n- b\n- c *em*",
        "- loose\n\n- list",
        "1. one\n2. two\n\n3. loose three",
        "3. starts at three\n4. four",
        "* nested\n  * inner\n    * deeper\n  * inner two\n* outer",
        "- item\n\n  second paragraph in item\n- > quote in item",
        "> - list in quote\n> - x",
        "1) paren\n2) list",
        "- \n- empty first",
        "Text\n\n---\n\n***\n\nMore",
        "Line one\r\nLine two\r\n\r\nWindows paragraph",
        "Tabs\there and trailing spaces   \nnext",
        "Un titre : « guillemets » ; point-virgule ! Et ? Ça va.",
        "Mixed *emphasis with [a link](/x) inside* and **strong with `code`**",
        "URL text http://example.org/bare and www.example.org stay text",
        "Numbers 1,000.50 and 50 % and 3–4 and 10h30",
    })
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
    @MethodSource("sampleArticles")
    void theSampleSiteRendersAsWithFlexmark(Path article) throws IOException {
        String text = Files.readString(article);
        String body = text.startsWith("---") ? text.substring(text.indexOf("\n---", 3) + 4) : text;
        assertThat(MARKDOWN.render(body).html()).isEqualTo(MARKDOWN.renderWithFlexmark(body));
    }

    static List<Path> sampleArticles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }
}
