package dev.gazette.markdown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Markdown of every kind news copy is made of, for the tests of the renderers that handle it. */
public final class NewsCopySamples {

    private NewsCopySamples() {
    }

    /** Short documents, one or two kinds of node each, with the characters that need escaping. */
    public static List<String> markdown() {
        return List.of(
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
            "Numbers 1,000.50 and 50 % and 3–4 and 10h30"
        );
    }

    /** The Markdown body of an article file: its text after the front matter. */
    public static String body(Path article) throws IOException {
        String text = Files.readString(article);
        return text.startsWith("---") ? text.substring(text.indexOf("\n---", 3) + 4) : text;
    }

    /** The sample site's articles. */
    public static List<Path> sampleArticles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }
}
