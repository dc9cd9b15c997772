package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field that reaches a page, a feed, JSON-LD, the search index or an attribute is escaped or dropped: a site
 * whose articles carry script in every field they have is built, and every output file is parsed. No page may
 * hold an on* attribute, a javascript:, vbscript: or data: link, a srcdoc, or a script the theme did not write.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>\\\"'><svg onload=alert(3)>";

    @Test
    void scriptInEveryFieldReachesNoPageFeedOrIndex() throws IOException {
        TestSite site = new TestSite(dir.resolve("site"));
        site.file("site.yaml", "title: \"Hostile " + XSS + "\"\ndescription: \"" + XSS + "\"\nbase_url: https://example.org/\n");
        site.article("a.md", String.join("\n",
                "title: \"Title " + XSS + "\"",
                "date: 2022-01-01",
                "summary: \"Summary " + XSS + "\"",
                "author: \"Jane " + XSS + "\"",
                "tags: [\"tag " + XSS + "\", \"javascript:alert(4)\"]",
                "categories: [\"cat " + XSS + "\"]",
                "source: \"Wire " + XSS + "\"",
                "image: {src: \"/images/a.jpg\", alt: \"alt " + XSS + "\", caption: \"cap " + XSS + "\"}"),
                String.join("\n\n",
                        "Body <script>alert(7)</script> and <img src=x onerror=alert(8)> and <a href=\" javascript:alert(9)\">link</a>.",
                        "[md link](javascript:alert(10)) and [data](data:text/html;base64,PHNjcmlwdD4=) and "
                                + "[spaced]( JAVASCRIPT:alert(11)) and ![img](javascript:alert(12))",
                        "<iframe srcdoc=\"<script>alert(13)</script>\"></iframe><div style=\"background:url(javascript:alert(14))\">x</div>",
                        "<a href=\"vbscript:msgbox(15)\">vb</a> <form action=\"javascript:alert(16)\"><button>go</button></form>"));
        site.article("c.md", "title: Canonical\ndate: 2022-01-02\ncanonical_url: \" JaVaScRiPt:alert(5)\"", "Text.");
        site.article("d.md", "title: Image\ndate: 2022-01-02\nimage: {src: \" JavaScript:alert(6)\"}", "Text.");
        site.file("content/2022-01-03-b.txt", "Raw " + XSS + "\n\nCNN\n\nParagraph with <script>alert(17)</script> in it.\n\nMore text.\n");
        BuildResult result = site.build();
        assertThat(result.articles()).as(TestSite.describe(result.problems())).isEqualTo(2);
        assertThat(TestSite.describe(result.problems())).contains("c.md:4: error, file skipped: canonical_url")
                .contains("d.md:4: error, file skipped: image: 'JavaScript:alert(6)' is neither an http(s) URL");

        List<Path> files;
        try (Stream<Path> walk = Files.walk(site.output())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = Files.readString(file);
            if (name.endsWith(".html")) {
                Document page = Jsoup.parse(text);
                for (Element e : page.getAllElements()) {
                    e.attributes().forEach(attribute -> {
                        String key = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                        String value = attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                        assertThat(key).as(file + " " + e.tagName()).doesNotStartWith("on").isNotEqualTo("srcdoc");
                        boolean urlMeta = e.tagName().equals("meta") && key.equals("content")
                                && (e.attr("property").matches("og:(url|image.*)|twitter:image")
                                || e.attr("http-equiv").equalsIgnoreCase("refresh"));
                        if (Set.of("href", "src", "action", "formaction", "poster", "srcset").contains(key) || urlMeta) {
                            assertThat(value).as(file + " " + e.tagName() + "@" + key)
                                    .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:");
                        }
                        if (key.equals("style")) {
                            assertThat(value).as(file + " style").doesNotContain("javascript:");
                        }
                    });
                }
                for (Element script : page.select("script")) {
                    boolean theme = script.hasAttr("src") && script.attr("src").endsWith("/assets/search.js");
                    boolean data = script.attr("type").equals("application/ld+json");
                    assertThat(theme || data).as(file + ": a script the theme did not write: " + script).isTrue();
                    if (data) {
                        assertThat(script.data()).as(file + " JSON-LD").doesNotContainIgnoringCase("</script")
                                .doesNotContain("<script").doesNotContain("<img");
                    }
                }
                assertThat(page.select("iframe, object, embed, form:not([role=search])")).as(file.toString()).isEmpty();
            } else if (name.endsWith(".xml")) {
                Document feed = Jsoup.parse(text, "", Parser.xmlParser());
                assertThat(feed.select("script")).as(file + ": a script element in XML").isEmpty();
            } else if (name.endsWith(".json")) {
                // text fields are data here (the search script shows them with textContent): no raw '<' at all, so
                // that no consumer that inlines the JSON in a page can be made to close its script element
                assertThat(text).as(file.toString()).doesNotContain("<");
            }
        }
    }
}
