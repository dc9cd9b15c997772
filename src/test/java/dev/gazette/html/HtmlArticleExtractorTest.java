package dev.gazette.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The story of a saved news page is found by its content. The pages are shaped after real ones from a public
 * extraction benchmark (a teaser card in the first article element, a story split into chunks, related links
 * inside the story's block, a content-titled block with a headline only).
 */
class HtmlArticleExtractorTest {

    private static final String PROSE = "The council voted on Tuesday to extend the tram line to the port, a project "
            + "that has been discussed for a decade, and which officials say will carry twelve thousand people a day. ";

    private static String paragraphs(String prefix, int n) {
        StringBuilder html = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            html.append("<p>").append(prefix).append(' ').append(i).append(". ").append(PROSE).append("</p>\n");
        }
        return html.toString();
    }

    @Test
    void theStoryIsChosenOverATeaserCardInTheFirstArticleElement() {
        String html = "<html><body><header><nav><a href=/>Home</a></nav></header>"
                + "<article class=card><h2><a href=/other>Another story</a></h2><p>A short teaser for another "
                + "story that sits first on the page.</p></article>"
                + "<div class=content-title><h1>Tram line to the port approved</h1></div>"
                + "<div class=story-body>" + paragraphs("Story", 6) + "</div>"
                + "<aside class=sidebar>" + paragraphs("Sidebar", 1) + "</aside></body></html>";
        ExtractedPage page = HtmlArticleExtractor.extract(html, "https://news.example.org/2019/tram/");
        assertThat(page.bodyText()).contains("Story 1.").contains("Story 6.").doesNotContain("teaser")
                .doesNotContain("Sidebar").doesNotContain("Home");
    }

    @Test
    void aStorySplitIntoChunksIsTakenWhole() {
        String html = "<html><body><main><div class=article__chunks>"
                + "<div class=grid><div class=\"article__body\">" + paragraphs("First chunk", 5) + "</div>"
                + "<div class=adrail><a href=/ad>Advertisement</a></div></div>"
                + "<div class=grid><div class=\"article__body\">" + paragraphs("Second chunk", 3) + "</div></div>"
                + "</div></main><footer>" + paragraphs("Footer", 1) + "</footer></body></html>";
        ExtractedPage page = HtmlArticleExtractor.extract(html, "https://news.example.org/a/");
        assertThat(page.bodyText()).contains("First chunk 1.").contains("Second chunk 3.")
                .doesNotContain("Footer").doesNotContain("Advertisement");
    }

    @Test
    void relatedLinksInsideTheStoryAreDroppedAndLinksMadeAbsoluteFromThePageAddress() {
        String html = "<html><body><div class=articleText>" + paragraphs("Story", 4)
                + "<p>See <a href=\"../docs/report.pdf\">the report</a> for the figures, which the council published"
                + " along with its decision on Tuesday evening.</p>"
                + "<div class=\"embedded article\"><a href=/x>Man shot at gas station dies</a></div>"
                + "<ul class=links><li><a href=/a>More</a></li><li><a href=/b>Most read</a></li></ul>"
                + "</div></body></html>";
        ExtractedPage page = HtmlArticleExtractor.extract(html, "https://news.example.org/2019/11/tram/");
        assertThat(page.bodyText()).contains("Story 4.").contains("the report").doesNotContain("gas station")
                .doesNotContain("Most read");
        assertThat(page.bodyHtml()).contains("href=\"https://news.example.org/2019/11/docs/report.pdf\"")
                .doesNotContain("file:");
    }

    @Test
    void aSavedPagesRelativeLinksFollowItsCanonicalAddressAndFileUrlsAreDropped() {
        String html = "<html><head><link rel=canonical href=\"https://news.example.org/2019/11/tram/\"></head><body>"
                + "<div class=story>" + paragraphs("Story", 4) + "<p>Read <a href=\"/docs/a.pdf\">the minutes</a>"
                + " and <a href=\"file:///home/me/saved/b.html\">the saved copy</a>; "
                + "<img src=\"file:///C:/pics/x.jpg\" alt=x><img src=\"photo.jpg\" alt=y> as the council wrote.</p>"
                + "</div></body></html>";
        // the importer gives the saved file's location; the canonical link wins over it
        ExtractedPage page = HtmlArticleExtractor.extract(html, "file:///home/me/saved/tram.html");
        assertThat(page.bodyHtml()).contains("href=\"https://news.example.org/docs/a.pdf\"")
                .contains("src=\"https://news.example.org/2019/11/tram/photo.jpg\"").doesNotContain("file:");
        assertThat(page.bodyText()).contains("the saved copy");
    }

    @Test
    void theJsonLdArticleBodyPicksTheBlockThatMatchesIt() {
        String story = paragraphs("Story", 5);
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + story.replaceAll("<[^>]+>", "").replace("\n", " ") + "\"}</script></head><body>"
                + "<div class=most-popular-list>" + paragraphs("Popular", 7) + "</div>"
                + "<div class=x>" + story + "</div></body></html>";
        ExtractedPage page = HtmlArticleExtractor.extract(html, "https://news.example.org/s/");
        assertThat(page.bodyText()).contains("Story 5.").doesNotContain("Popular");
    }

    @Test
    void titlesLoseTheSiteNameAndDatesAndAuthorsComeFromTheMarkupNewsSitesUse() {
        String html = "<html><head><title>Storm hits the coast &amp; ports close - The Guardian</title>"
                + "<meta property=og:site_name content=\"The Guardian\">"
                + "<meta name=\"dc.date\" content=\"2019-11-18T09:30:00Z\"></head><body>"
                + "<div class=story><p class=\"byline\">By Jane Doe and John Roe Updated 18 Nov</p>"
                + paragraphs("Story", 4) + "</div></body></html>";
        ExtractedPage page = HtmlArticleExtractor.extract(html, "https://www.theguardian.com/x");
        assertThat(page.title()).isEqualTo("Storm hits the coast & ports close");
        assertThat(page.date()).isEqualTo("2019-11-18T09:30:00Z");
        assertThat(page.authors()).containsExactly("Jane Doe", "John Roe");

        String itemprop = "<html><head><title>Tram approved | City News</title></head><body><article>"
                + "<span itemprop=author itemscope><span itemprop=name>Ana Lima</span></span>"
                + "<meta itemprop=datePublished content=\"2019-11-19\">" + paragraphs("Story", 3)
                + "</article></body></html>";
        ExtractedPage other = HtmlArticleExtractor.extract(itemprop, "https://citynews.example/x");
        assertThat(other.title()).isEqualTo("Tram approved");
        assertThat(other.date()).isEqualTo("2019-11-19");
        assertThat(other.authors()).containsExactly("Ana Lima");
        // a dash inside a headline that is not the site's name stays
        assertThat(HtmlArticleExtractor.withoutSiteName("Brexit - what happens next", "BBC News"))
                .isEqualTo("Brexit - what happens next");
    }

    @Test
    void aStoryMarkedWithMicrodataIsTakenEvenWithoutParagraphs() {
        // as on a real breaking-news page: the story is bare text in the itemprop=articleBody block, beside a
        // list of links to other stories
        StringBuilder links = new StringBuilder("<ul class=breaking-list>");
        for (int i = 0; i < 30; i++) {
            links.append("<li><a href=/s").append(i).append(">Another breaking story number ").append(i)
                    .append(" with a long headline</a></li>");
        }
        String html = "<html><body><div class=g-row><div itemprop=articleBody>" + PROSE + PROSE
                + "</div>" + links + "</ul></div></body></html>";
        ExtractedPage page = HtmlArticleExtractor.extract(html, "https://news.example.org/b/");
        assertThat(page.bodyText()).contains("The council voted on Tuesday").doesNotContain("Another breaking story");
    }
}
