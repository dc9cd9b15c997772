package dev.gazette.markdown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    private static final String[] WORDS = {"le", "président", "a", "dit", "l'apprentissage", "Élysée", "«", "»",
        "oui", ":", ";", "!", "?", "&", "x<y", ">", "\"quoted\"", "'single'", "--", "---", "...", "Straße", "cœur",
        "2022", "50 %", "10h30", "\u00A0", "\u202F", "’", "—", "…", "\uD83D\uDE00", "&amp;", "&copy;", "&#x41;",
        "&bogus;", "\\*", "\\_", "`code & <tag>`", "https://example.org/a?b=1&c=2", "www.example.org",
        "http://x.y/z_(w)", "e\u0301", "tab\there", "un  deux"};

    /**
     * Random news copy from a fixed seed: paragraphs of words and punctuation that need escaping or typography,
     * emphasis, links (to sites and to article files), images alone (figures) and inline, headings (some
     * repeated), lists, quotes, hard breaks, rules and bare URLs. The same seed gives the same documents.
     */
    public static List<String> random(long seed, int count) {
        Random random = new Random(seed);
        List<String> documents = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            StringBuilder doc = new StringBuilder();
            for (int block = 0, blocks = 1 + random.nextInt(6); block < blocks; block++) {
                switch (random.nextInt(9)) {
                    case 0 -> doc.append("#".repeat(1 + random.nextInt(6))).append(' ').append(words(random, 4));
                    case 1 -> doc.append("- ").append(words(random, 5)).append("\n- ").append(words(random, 5));
                    case 2 -> doc.append(1 + random.nextInt(5)).append(". ").append(words(random, 5)).append("\n")
                            .append(6 + random.nextInt(3)).append(". ").append(words(random, 3));
                    case 3 -> doc.append("> ").append(words(random, 8)).append(random.nextBoolean() ? "\n>\n> > " + words(random, 3) : "");
                    case 4 -> doc.append("![").append(words(random, 2)).append("](/images/").append(random.nextInt(3))
                            .append(".jpg").append(random.nextBoolean() ? " \"" + words(random, 3).replace("\"", "") + "\"" : "")
                            .append(")");
                    case 5 -> doc.append(random.nextBoolean() ? "---" : "***");
                    default -> doc.append(words(random, 10 + random.nextInt(40)));
                }
                doc.append("\n\n");
            }
            documents.add(doc.toString());
        }
        return documents;
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            switch (random.nextInt(14)) {
                case 0 -> word = "*" + word + "*";
                case 1 -> word = "**" + word + "**";
                case 2 -> word = "~~" + word + "~~";
                case 3 -> word = "[" + word + "](https://example.org/" + random.nextInt(9) + "?q=" + word.replace(")", "")
                        + (random.nextBoolean() ? " \"t & <t>\"" : "") + ")";
                case 4 -> word = "[" + word + "](../other-" + random.nextInt(3) + ".md" + (random.nextBoolean() ? "#part" : "") + ")";
                case 5 -> word = "![" + word + "](i" + random.nextInt(3) + ".png)";
                case 6 -> word = word + "  \n";
                case 7 -> word = word + "\n";
                default -> {
                    // the word as it is
                }
            }
            text.append(i == 0 ? "" : " ").append(word);
        }
        return text.toString();
    }
}
