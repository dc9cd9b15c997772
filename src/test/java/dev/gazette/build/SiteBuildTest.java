package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuildTest {

    @TempDir
    Path dir;

    private TestSite site() {
        return new TestSite(dir);
    }

    @Test
    void everyPageHasAMetaDescriptionAndTheSiteAnIconFromItsInitial() {
        TestSite site = site().file("site.yaml", "title: The Morning Ledger\ndescription: Independent news.\n");
        site.article("a.md", "title: A story\ndate: 2022-01-01\ntags: [Energy]", "Text of the story.");
        site.buildOk();
        for (String page : new String[] {"index.html", "tags/index.html", "tags/energy/index.html", "2022/index.html",
                "search/index.html", "404.html", "2022/01/a-story/index.html"}) {
            assertThat(site.page(page).select("meta[name=description]").attr("content")).as(page).isNotBlank();
            assertThat(site.page(page).select("link[rel=icon]").attr("href")).as(page).isEqualTo("/favicon.svg");
        }
        assertThat(site.page("tags/energy/index.html").select("meta[name=description]").attr("content"))
                .isEqualTo("Energy – The Morning Ledger. Independent news.");
        assertThat(site.read("favicon.svg")).contains(">M</text>");
        assertThat(site.page("index.html").select("link[rel=manifest]").attr("href")).isEqualTo("/site.webmanifest");
        assertThat(site.read("site.webmanifest")).contains("\"name\":\"The Morning Ledger\"")
                .contains("\"short_name\":\"M\"").contains("\"src\":\"/favicon.svg\"");
    }

    @Test
    void cardTeasersAreCutToAboutThirtyWordsAtAWordBoundary() {
        TestSite site = site();
        String words = "word ".repeat(80).strip();
        site.article("a.md", "title: Lead\ndate: 2022-01-02", words + ".");
        site.article("b.md", "title: Second\ndate: 2022-01-01\nsummary: \"" + words + ", and more.\"", "Body.");
        site.buildOk();
        var teasers = site.page("index.html").select("article.card:not(.lead) p.summary");
        assertThat(teasers).isNotEmpty();
        String teaser = teasers.first().text();
        assertThat(teaser.split("\\s+")).hasSize(30);
        assertThat(teaser).endsWith("word…");
        // the article page keeps its whole standfirst
        assertThat(site.page("2022/01/second/index.html").select(".standfirst").text()).endsWith("and more.");
    }

    @Test
    void aCardSpeaksTheLanguageOfItsArticle() {
        TestSite site = site().file("site.yaml", "language: en\n");
        site.article("fr.md", "title: Le Louvre-Lens fête ses dix ans\ndate: 2022-11-14\nlang: fr\nauthor: Claire Fontaine",
                "Texte.");
        site.article("en.md", "title: Museum turns ten\ndate: 2022-11-13\nauthor: Jane Doe", "Text.");
        site.buildOk();
        var cards = site.page("index.html").select("article.card");
        var french = cards.select("[lang=fr]").first();
        var english = cards.select("[lang=en]").first();
        assertThat(french.select(".dateline").text()).startsWith("Publié").contains("novembre");
        assertThat(english.select(".dateline").text()).startsWith("Published").contains("November");
        assertThat(site.page("index.html").select("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void termsSortInTheSiteLanguagesAlphabeticalOrder() {
        TestSite site = site().file("site.yaml", "language: fr\n");
        site.article("a.md", "title: A\ndate: 2022-01-01\ntags: [World Cup, Égypte, économie, Zambie, Arabie]", "Text.");
        site.buildOk();
        assertThat(site.page("tags/index.html").select(".terms a").eachText())
                .extracting(text -> text.replaceAll("\\s*\\d+$", "").strip())
                .containsExactly("Arabie", "économie", "Égypte", "World Cup", "Zambie");
    }

    @Test
    void theBodysHeadingsNeverSkipALevelUnderTheTitle() {
        TestSite site = site();
        site.article("a.md", "title: Levels\ndate: 2022-01-01", "### Starts at three\n\nText.\n\n##### Skips to five\n\n"
                + "Text.\n\n### Back to three\n");
        site.article("b.md", "title: Ones\ndate: 2022-01-02", "# One\n\n## Two\n\nText.\n");
        site.buildOk();
        assertThat(site.page("2022/01/levels/index.html").select(".story-body h2, .story-body h3, .story-body h4, "
                + ".story-body h5").eachAttr("id")).containsExactly("starts-at-three", "skips-to-five", "back-to-three");
        assertThat(site.page("2022/01/levels/index.html").select(".story-body h2")).hasSize(2);
        assertThat(site.page("2022/01/levels/index.html").select(".story-body h3").text()).isEqualTo("Skips to five");
        assertThat(site.page("2022/01/ones/index.html").select("h1")).hasSize(1);
        assertThat(site.page("2022/01/ones/index.html").select(".story-body h2").text()).isEqualTo("One");
        assertThat(site.page("2022/01/ones/index.html").select(".story-body h3").text()).isEqualTo("Two");
    }

    @Test
    void articlePageCarriesTitleDateBylineTagsCategoriesAndBody() {
        TestSite site = site().file("site.yaml", "timezone: Europe/Paris").article("world/ankara.md", """
                title: CIA director meets Russian counterpart in Ankara
                date: 2022-11-14T10:30:00+01:00
                authors: [Jane Doe, John Roe, Ana Pérez]
                tags: [Russia, Ukraine]
                category: World
                """, "Bill Burns met Sergey Naryshkin on **Monday**.\n");
        site.buildOk();

        Document page = site.page("2022/11/cia-director-meets-russian-counterpart-in-ankara/index.html");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo("CIA director meets Russian counterpart in Ankara");
        assertThat(page.selectFirst("article time").attr("datetime")).isEqualTo("2022-11-14T10:30:00+01:00");
        assertThat(page.selectFirst(".byline .authors").text()).isEqualTo("By Jane Doe, John Roe and Ana Pérez");
        assertThat(page.select("a[rel=tag]").eachText()).containsExactly("Russia", "Ukraine");
        assertThat(page.select(".story-foot a[href*=/categories/]").eachText()).containsExactly("World");
        assertThat(page.selectFirst(".story-body strong").text()).isEqualTo("Monday");
        assertThat(page.select("header, nav, main, article, footer")).isNotEmpty();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("/2022/11/cia-director-meets-russian-counterpart-in-ankara/");
        assertThat(page.selectFirst("meta[name=description]").attr("content")).startsWith("Bill Burns met");
    }

    @Test
    void datesAreShownInTheSiteTimeZone() {
        TestSite site = site().file("site.yaml", "timezone: America/New_York").article("a.md",
                "title: A\ndate: 2022-11-14T03:30:00+01:00", "a");
        site.buildOk();
        Document page = site.page("2022/11/a/index.html");
        assertThat(page.selectFirst("article time").attr("datetime")).isEqualTo("2022-11-13T21:30:00-05:00");
        assertThat(page.selectFirst("article time").text()).isEqualTo("Sunday, November 13, 2022");
    }

    @Test
    void homePageIsPaginatedNewestFirstWithPageLinks() {
        TestSite site = site().file("site.yaml", "pagination: 2\n");
        for (int day = 1; day <= 5; day++) {
            site.article("a" + day + ".md", "title: Story " + day + "\ndate: 2022-03-0" + day, "Text " + day + ".");
        }
        site.buildOk();

        Document first = site.page("index.html");
        assertThat(first.select(".card-title").eachText()).containsExactly("Story 5", "Story 4");
        assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/page/2/");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.select(".pager ol li")).hasSize(3);

        Document second = site.page("page/2/index.html");
        assertThat(second.select(".card-title").eachText()).containsExactly("Story 3", "Story 2");
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/");
        assertThat(second.selectFirst("a[rel=next]").attr("href")).isEqualTo("/page/3/");
        assertThat(second.selectFirst(".pager [aria-current=page]").text()).isEqualTo("2");

        Document third = site.page("page/3/index.html");
        assertThat(third.select(".card-title").eachText()).containsExactly("Story 1");
        assertThat(third.select("a[rel=next]")).isEmpty();
        assertThat(site.exists("page/4/index.html")).isFalse();
    }

    @Test
    void longPagersShowAWindowOfPageNumbers() {
        TestSite site = new TestSite(dir).file("site.yaml", "pagination: 1\n");
        for (int day = 1; day <= 12; day++) {
            site.article("a" + day + ".md", "title: Story " + day + "\ndate: 2022-03-" + String.format("%02d", day), "x");
        }
        site.buildOk();
        assertThat(site.page("page/6/index.html").select(".pager ol li").eachText())
                .containsExactly("1", "…", "4", "5", "6", "7", "8", "…", "12");
        assertThat(site.page("index.html").select(".pager ol li").eachText()).containsExactly("1", "2", "3", "…", "12");
    }

    @Test
    void termPagesAreListedWithCountsAndPaginated() {
        TestSite site = site().file("site.yaml", "pagination: 2\n");
        site.article("a.md", "title: A\ndate: 2022-01-01\ntags: [Energy, Gas]\nauthor: Jane Doe", "a");
        site.article("b.md", "title: B\ndate: 2022-01-02\ntags: [energy]\nauthors: [Jane Doe]", "b");
        site.article("c.md", "title: C\ndate: 2022-01-03\ntags: [Energy]\ncategories: [Économie]", "c");
        site.buildOk();

        Document tags = site.page("tags/index.html");
        assertThat(tags.select(".term-list li").eachText()).containsExactly("Energy 3 articles", "Gas 1 article");
        assertThat(site.page("tags/energy/index.html").select(".card-title").eachText()).containsExactly("C", "B");
        assertThat(site.page("tags/energy/page/2/index.html").select(".card-title").eachText()).containsExactly("A");
        assertThat(site.page("authors/jane-doe/index.html").select(".card-title").eachText()).containsExactly("B", "A");
        assertThat(site.page("categories/economie/index.html").selectFirst("h1").text()).isEqualTo("Économie");
    }

    @Test
    void aSectionsIndexFileDescribesItsPageAndAnEditToItReachesThePage() {
        TestSite site = site().file("site.yaml", "title: Ledger\ntaxonomies: [tags, categories]\n");
        site.article("world/a.md", "title: Summit\ndate: 2022-01-01\ncategories: [World]", "Text.");
        site.article("economy/b.md", "title: Rates\ndate: 2022-01-02\ncategories: [Economy]", "Text.");
        site.file("content/world/_index.md", "---\ntitle: World\ndescription: Diplomacy and conflict.\n---\n");
        site.file("content/economy/_index.md", "---\ntitle: Economy\n---\n\n## Markets\n\nPrices, [energy](/x/) and *trade*.\n\nMore.\n");
        site.buildOk();
        Document world = site.page("categories/world/index.html");
        assertThat(world.select(".term-description").text()).isEqualTo("Diplomacy and conflict.");
        assertThat(world.select("meta[name=description]").attr("content")).isEqualTo("Diplomacy and conflict.");
        assertThat(site.page("categories/economy/index.html").select(".term-description").text())
                .isEqualTo("Prices, energy and trade.");
        assertThat(site.exists("world/_index/index.html")).as("an index file is not an article").isFalse();
        assertThat(site.page("index.html").select(".card-title").eachText()).containsExactlyInAnyOrder("Summit", "Rates");

        site.file("content/economy/_index.md", "---\nsummary: Prices and trade.\n---\n");
        site.buildOk();
        assertThat(site.page("categories/economy/index.html").select(".term-description").text()).isEqualTo("Prices and trade.");
    }

    @Test
    void yearArchiveListsArticlesByMonth() {
        TestSite site = site();
        site.article("a.md", "title: January story\ndate: 2022-01-10", "a");
        site.article("b.md", "title: March story\ndate: 2022-03-05", "b");
        site.article("c.md", "title: Old story\ndate: 2021-12-31", "c");
        site.buildOk();

        Document archive = site.page("2022/index.html");
        assertThat(archive.select(".month h2").eachText()).containsExactly("March 2022", "January 2022");
        assertThat(archive.select(".month").get(0).select("article.card h3").eachText()).containsExactly("March story");
        assertThat(archive.select(".month").get(0).select("article.card .dateline").text()).contains("March 5, 2022");
        assertThat(archive.select(".years a").eachText()).containsExactly("2021");
        assertThat(site.page("2021/index.html").select(".card-title a").eachText()).containsExactly("Old story");
    }

    @Test
    void draftsFutureAndExpiredArticlesAreLeftOutUnlessAsked() {
        TestSite site = site();
        site.article("published.md", "title: Published\ndate: 2022-01-01", "p");
        site.article("draft.md", "title: Draft\ndate: 2022-01-01\ndraft: true", "d");
        site.article("future.md", "title: Future\ndate: 2030-01-01", "f");
        site.article("scheduled.md", "title: Scheduled\ndate: 2022-01-01\npublishDate: 2030-01-01", "s");
        site.article("expired.md", "title: Expired\ndate: 2022-01-01\nexpiryDate: 2023-01-01", "e");
        site.buildOk();
        assertThat(site.page("index.html").select(".card-title").eachText()).containsExactly("Published");

        BuildResult all = site.build(true, true);
        assertThat(all.succeeded()).isTrue();
        assertThat(site.page("index.html").select(".card-title").eachText())
                .containsExactlyInAnyOrder("Published", "Draft", "Future", "Scheduled");
    }

    @Test
    void textFromArticlesIsEscaped() {
        TestSite site = site();
        site.article("x.md", "title: \"<script>alert('x')</script> & more\"\ndate: 2022-01-01\ntags: ['<b>bold</b>']",
                "Body with <script>alert(1)</script> and <img src=x onerror=alert(2)>.");
        site.buildOk();

        String html = site.read("2022/01/script-alert-x-script-and-more/index.html");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("onerror").doesNotContain("<b>bold");
        Document page = site.page("2022/01/script-alert-x-script-and-more/index.html");
        assertThat(page.selectFirst("h1").text()).isEqualTo("<script>alert('x')</script> & more");
        assertThat(page.select("script:not([type=application/ld+json])")).isEmpty();
        assertThat(page.selectFirst("script[type=application/ld+json]").data()).doesNotContain("<");
    }

    @Test
    void twoArticlesAtOneUrlFailTheBuildNamingBothFiles() {
        TestSite site = site();
        site.article("world/one.md", "title: Same title\ndate: 2022-05-01", "one");
        site.article("economy/two.md", "title: Same Title!\ndate: 2022-05-20", "two");
        BuildResult result = site.buildStrict();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p.message())
                .contains("/2022/05/same-title/").contains("content/world/one.md").contains("content/economy/two.md"));
        assertThat(Files.exists(site.output())).isFalse();
    }

    @Test
    void invalidYamlIsReportedWithItsFileAndLine() {
        TestSite site = site();
        site.file("content/bad.md", "---\ntitle: Fine\ndate: 2022-01-01\ntags: [unclosed\n---\nBody\n");
        site.article("nodate.md", "title: No date here", "x");
        site.article("baddate.md", "title: Bad date\ndate: 14/11/2022", "x");
        site.file("content/notitle.md", "---\ndate: 2022-01-01\n---\nBody\n");
        site.file("content/blanktitle.md", "---\ntitle: ''\ndate: 2022-01-01\n---\nBody\n");
        BuildResult result = site.buildStrict();

        assertThat(result.succeeded()).isFalse();
        Map<String, String> byFile = new TreeMap<>();
        for (Problem p : result.problems()) {
            byFile.put(p.file().getFileName() + ":" + p.line(), p.message());
        }
        assertThat(byFile).containsKey("bad.md:5");
        assertThat(byFile.get("bad.md:5")).startsWith("invalid YAML");
        assertThat(byFile.get("baddate.md:3")).contains("cannot read '14/11/2022' as a date");
        // a Markdown file without a date is a page of the site (about, contact), not an error
        assertThat(byFile).doesNotContainKey("nodate.md:1");
        // no title at all: the file name gives one, as in Jekyll; a title written blank is an error
        assertThat(byFile).hasEntrySatisfying("notitle.md:1", m -> assertThat(m).startsWith("no title; using 'Notitle'"));
        assertThat(byFile).hasEntrySatisfying("blanktitle.md:2", m -> assertThat(m).startsWith("missing title"));
    }

    @Test
    void failedBuildLeavesThePreviousOutputExactlyAsItWas() throws IOException {
        TestSite site = site();
        site.article("a.md", "title: Good\ndate: 2022-01-01", "good");
        site.buildOk();
        Map<String, byte[]> before = snapshot(site.output());

        site.article("b.md", "title: Broken\ndate: not a date", "broken");
        BuildResult failed = site.buildStrict();

        assertThat(failed.succeeded()).isFalse();
        Map<String, byte[]> after = snapshot(site.output());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".public.staging"));
        }
    }

    @Test
    void buildingTwiceGivesIdenticalBytes() throws IOException {
        TestSite site = site();
        site.article("a.md", "title: A\ndate: 2022-01-01\ntags: [x]", "First [link](b.md).");
        site.article("b.md", "title: B\ndate: 2022-01-02\ntags: [x, y]", "Second.");
        site.buildOk();
        Map<String, byte[]> first = snapshot(site.output());
        site.buildOk();
        Map<String, byte[]> second = snapshot(site.output());
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void everyInternalLinkOfTheOutputLeadsToAFile() throws IOException {
        TestSite site = site().file("site.yaml", "pagination: 1\nbase_url: https://news.example.org/desk/\n");
        site.article("world/a.md", "title: A\ndate: 2022-01-01\ntags: [x]\nauthors: [Jo]\ncategories: [World]",
                "See [the other story](../b.md#details) and [the top](#top-story).\n\n## Top story\n");
        site.article("b.md", "title: B\ndate: 2021-02-02\ntags: [x, y]\nimage: /img/b.png", "## Details\n\nText.");
        site.bytes("static/img/b.png", TinyPng.bytes(3, 2));
        site.buildOk();

        assertThat(OutputLinks.broken(site.output(), "/desk/")).isEmpty();
        Document a = site.page("2022/01/a/index.html");
        assertThat(a.selectFirst(".story-body a").attr("href")).isEqualTo("/desk/2021/02/b/#details");
        assertThat(a.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://news.example.org/desk/2022/01/a/");
    }

    @Test
    void linkToAnUnpublishedArticleIsAProblem() {
        TestSite site = site();
        site.article("a.md", "title: A\ndate: 2022-01-01", "See [this](missing.md).");
        BuildResult result = site.build();
        assertThat(result.succeeded()).isFalse();
        assertThat(TestSite.describe(result.problems())).contains("a.md: link to 'missing.md' does not lead to a published article");
    }

    @Test
    void markdownGetsTablesFootnotesStrikethroughAutolinksHeadingIdsAndQuotes() {
        TestSite site = site();
        site.article("m.md", "title: M\ndate: 2022-01-01", """
                # Première partie

                Prices "rose" ~~fell~~ sharply.[^n] See https://example.org.

                | a | b |
                |---|---|
                | 1 | 2 |

                ## Première partie

                [^n]: A note.
                """);
        site.buildOk();
        Document page = site.page("2022/01/m/index.html");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.select(".story-body h2").eachAttr("id")).containsExactly("premiere-partie");
        assertThat(page.select(".story-body h3").eachAttr("id")).containsExactly("premiere-partie-2");
        assertThat(page.select(".story-body table td").eachText()).containsExactly("1", "2");
        assertThat(page.select(".story-body del").text()).isEqualTo("fell");
        assertThat(page.select(".story-body a[href=https://example.org]")).hasSize(1);
        assertThat(page.select(".footnotes li").text()).contains("A note.");
        assertThat(page.selectFirst(".story-body p").text()).contains("“rose”");
    }

    @Test
    void imagesBecomeFiguresWithSizesAndLazyLoading() {
        TestSite site = site();
        site.bytes("static/photos/lead.png", TinyPng.bytes(40, 30));
        site.bytes("static/photos/inline.png", TinyPng.bytes(20, 10));
        site.article("p.md", """
                title: Photo story
                date: 2022-01-01
                image: /photos/lead.png
                image_alt: A quay
                image_caption: The quay at dawn.
                image_credit: Jo Photographer
                """, "Intro.\n\n![Crane](/photos/inline.png \"A crane at work\")\n\nInline ![x](/photos/inline.png) here.\n");
        site.buildOk();

        Document page = site.page("2022/01/photo-story/index.html");
        Element lead = page.selectFirst("figure.lead-image");
        assertThat(lead.selectFirst("img").attr("alt")).isEqualTo("A quay");
        assertThat(lead.selectFirst("img").attr("width")).isEqualTo("40");
        assertThat(lead.selectFirst("img").attr("height")).isEqualTo("30");
        assertThat(lead.selectFirst("figcaption").text()).isEqualTo("The quay at dawn. Photo: Jo Photographer");

        Element figure = page.selectFirst(".story-body figure");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("A crane at work");
        assertThat(figure.selectFirst("img").attr("width")).isEqualTo("20");
        assertThat(page.select(".story-body img").eachAttr("loading")).containsOnly("lazy");
    }

    @Test
    void siteTemplatesOverrideTheThemeOneByOne() {
        TestSite site = site();
        site.article("a.md", "title: A\ndate: 2022-01-01", "a");
        site.file("templates/404.html", "{% extends \"base.html\" %}{% block content %}<p id=custom>Gone: {{ site.title }}</p>{% endblock %}");
        site.buildOk();
        assertThat(site.page("404.html").selectFirst("#custom").text()).isEqualTo("Gone: Gazette");
        assertThat(site.page("404.html").selectFirst("header.masthead")).isNotNull();
        assertThat(site.page("2022/01/a/index.html").selectFirst("h1").text()).isEqualTo("A");
    }

    @Test
    void termPagesMayListAllTheirArticlesOnOnePage() {
        TestSite site = site().file("site.yaml", "pagination: 2\nterm_pagination: all\n");
        site.article("a.md", "title: A\ndate: 2022-01-01\ntags: [Energy]", "a");
        site.article("b.md", "title: B\ndate: 2022-01-02\ntags: [Energy]", "b");
        site.article("c.md", "title: C\ndate: 2022-01-03\ntags: [Energy]", "c");
        site.buildOk();
        assertThat(site.page("tags/energy/index.html").select(".card-title").eachText()).containsExactly("C", "B", "A");
        assertThat(site.exists("tags/energy/page/2/index.html")).isFalse();
        assertThat(site.exists("page/2/index.html")).isTrue(); // the front page keeps its own pagination

        site.file("site.yaml", "pagination: 2\nterm_pagination: 1\n");
        site.buildOk();
        assertThat(site.page("tags/energy/page/3/index.html").select(".card-title").eachText()).containsExactly("A");

        site.file("site.yaml", "title: T\nterm_pagination: some\n");
        BuildResult bad = site.build();
        assertThat(TestSite.describe(bad.problems())).contains("site.yaml:2").contains("term_pagination")
                .contains("'all'");
    }

    @Test
    void anArticlesCardIsTheSameOnEveryListAndASitesOwnCardMayShowThePageItIsOn() {
        TestSite site = site();
        site.article("a.md", "title: A\ndate: 2022-01-01\ntags: [Energy, Gas]\nauthor: Jane Doe", "a");
        site.article("b.md", "title: B\ndate: 2022-01-02\ntags: [Energy]", "b");
        site.buildOk();
        // the theme's card, kept for the build: the same HTML on each tag's page
        String energy = site.page("tags/energy/index.html").select("article.card:has(a[href$=/a/])").outerHtml();
        assertThat(energy).contains(">A</a>").contains("Jane Doe");
        assertThat(site.page("tags/gas/index.html").select("article.card:has(a[href$=/a/])").outerHtml())
                .isEqualTo(energy);

        site.file("templates/partials/card.html", "<p class=\"on\">{{ article.title }} on {{ page.url }}</p>");
        site.buildOk();
        assertThat(site.page("tags/energy/index.html").select("p.on").eachText()).contains("A on /tags/energy/");
        assertThat(site.page("tags/gas/index.html").select("p.on").eachText()).containsExactly("A on /tags/gas/");
    }

    @Test
    void unknownTemplateVariableIsReportedWithTemplateAndLine() {
        TestSite site = site();
        site.article("a.md", "title: A\ndate: 2022-01-01", "a");
        site.file("templates/article.html", "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ article.title }}</h1>\n{{ article.nonsense }}\n{% endblock %}");
        BuildResult result = site.build();
        assertThat(result.succeeded()).isFalse();
        List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).file()).isEqualTo(dir.resolve("templates/article.html"));
        assertThat(errors.get(0).line()).isEqualTo(4);
        assertThat(errors.get(0).message()).contains("nonsense");
    }

    @Test
    void staticFilesAreCopiedVerbatimAndMayNotReplacePages() throws IOException {
        TestSite site = site();
        site.article("a.md", "title: A\ndate: 2022-01-01", "a");
        site.bytes("static/files/report.pdf", new byte[] {1, 2, 3, 0, 4});
        site.buildOk();
        assertThat(Files.readAllBytes(site.output().resolve("files/report.pdf"))).containsExactly(1, 2, 3, 0, 4);
        assertThat(site.exists("assets/gazette.css")).isTrue();

        site.file("static/index.html", "<p>mine</p>");
        BuildResult clash = site.build();
        assertThat(clash.succeeded()).isFalse();
        assertThat(TestSite.describe(clash.problems())).contains("static file would overwrite page 1 of the front page");
    }

    @Test
    void dangerousOutputFoldersAreRefused() {
        TestSite site = site();
        site.article("a.md", "title: A\ndate: 2022-01-01", "a");
        for (Path output : List.of(dir, dir.resolve("content"), dir.resolve("templates"), dir.resolve("static"),
                dir.getParent(), Path.of("/"), Path.of(System.getProperty("user.home")))) {
            BuildRequest request = new BuildRequest(dir, output, false, false, null, 1, TestSite.NOW, false);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SiteBuilder("test").build(request))
                    .as(output.toString())
                    .isInstanceOf(BuildException.class)
                    .hasMessageContaining("refusing");
        }
        assertThat(Files.exists(dir.resolve("content/a.md"))).isTrue();
    }

    @Test
    void aSiteWithoutTemplatesOrConfigBuildsWithTheBuiltInTheme() {
        TestSite site = site();
        site.article("2022-04-01-jekyll-style.md", "title: Jekyll style", "Dated by its file name.");
        site.buildOk();
        Document page = site.page("2022/04/jekyll-style/index.html");
        assertThat(page.selectFirst("time").attr("datetime")).isEqualTo("2022-04-01T00:00:00Z");
        assertThat(page.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("/assets/gazette.css");
        assertThat(site.exists("404.html")).isTrue();
    }

    @Test
    void pageLanguageFollowsTheArticle() {
        TestSite site = site().file("site.yaml", "language: en\ntimezone: Europe/Paris\n");
        site.article("fr.md", "title: Un titre\ndate: 2022-11-14\nlang: fr", "Bonjour.");
        site.buildOk();
        Document page = site.page("2022/11/un-titre/index.html");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.selectFirst("article time").text()).isEqualTo("lundi 14 novembre 2022");
        assertThat(page.selectFirst("article time").attr("datetime")).isEqualTo("2022-11-14T00:00:00+01:00");
        assertThat(page.selectFirst(".dateline").text()).startsWith("Publié le");
    }

    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
