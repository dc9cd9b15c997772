package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.i18n.DateFormats;
import dev.gazette.i18n.UiStrings;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Languages, localized dates and UI, typography, authors, scheduling and corrections. */
class NewsroomTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void frenchPagesGetFrenchDatesAndTypography() {
        TestSite site = new TestSite(dir).file("site.yaml", "language: en\ntimezone: Europe/Paris\n");
        site.article("fr.md", "title: \"Réunion : l'accord « historique » est signé !\"\ndate: 2022-11-01T10:00:00+01:00\nlang: fr",
                "Le ministre a déclaré : « Nous avons  gagné ! » Est-ce vrai ? Oui ; c'est signé.\n\n`code : ici !`\n");
        site.buildOk();
        Document page = site.page("2022/11/reunion-laccord-historique-est-signe/index.html");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.selectFirst(".dateline time").text()).isEqualTo("mardi 1er novembre 2022");
        assertThat(page.selectFirst("h1").wholeText()).isEqualTo("Réunion\u00A0: l’accord «\u00A0historique\u00A0» est signé\u202F!");
        String paragraph = page.selectFirst(".story-body p").wholeText();
        assertThat(paragraph).startsWith("Le ministre a déclaré\u00A0: «\u00A0Nous avons gagné\u202F!\u00A0» Est-ce vrai\u202F? Oui\u202F; c’est signé.");
        assertThat(page.selectFirst(".story-body code").text()).isEqualTo("code : ici !");
        assertThat(page.selectFirst(".dateline").text()).startsWith("Publié le");
    }

    @Test
    void germanAndSpanishDatesAndThePluralRules() {
        ZonedDateTime date = ZonedDateTime.of(2022, 11, 14, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        assertThat(DateFormats.longDate(date, "de")).isEqualTo("14. November 2022");
        assertThat(DateFormats.fullDate(date, "de")).isEqualTo("Montag, 14. November 2022");
        assertThat(DateFormats.longDate(date, "es")).isEqualTo("14 de noviembre de 2022");
        assertThat(DateFormats.longDate(date, "fr")).isEqualTo("14 novembre 2022");
        assertThat(DateFormats.longDate(date.withDayOfMonth(1), "fr")).isEqualTo("1er novembre 2022");
        assertThat(DateFormats.longDate(date.withDayOfMonth(1), "en")).isEqualTo("November 1, 2022");

        assertThat(ViewFactory.readingMinutes(1000, "en")).isEqualTo(4);
        assertThat(ViewFactory.readingMinutes(1000, "de")).isEqualTo(6);
        assertThat(ViewFactory.readingMinutes(1000, "fr-CA")).isEqualTo(5);
        assertThat(ViewFactory.readingMinutes(20, "fr")).isEqualTo(1);

        UiStrings strings = new UiStrings();
        assertThat(strings.format("fr", "articles", 0)).isEqualTo("0 article");
        assertThat(strings.format("fr", "articles", 1)).isEqualTo("1 article");
        assertThat(strings.format("fr", "articles", 2)).isEqualTo("2 articles");
        assertThat(strings.format("en", "articles", 0)).isEqualTo("0 articles");
        assertThat(strings.format("en", "articles", 1)).isEqualTo("1 article");
        assertThat(strings.format("de", "articles", 3)).isEqualTo("3 Artikel");
        assertThat(strings.format("es", "articles", 1)).isEqualTo("1 artículo");
    }

    @Test
    void missingStringsFallBackToTheSiteLanguageThenEnglishWithOneWarning() {
        TestSite site = new TestSite(dir).file("site.yaml", "language: fr\n");
        site.file("i18n/sv.yaml", "published: Publicerad\nread_more: Läs mer\n");
        site.file("i18n/fr.yaml", "latest: À la une\n");
        site.article("sv.md", "title: Svensk nyhet\ndate: 2022-11-14\nlang: sv", "Text på svenska.");
        site.article("sv2.md", "title: Andra nyhet\ndate: 2022-11-15\nlang: sv", "Mer text.");
        BuildResult result = site.buildOk();
        Document page = site.page("2022/11/svensk-nyhet/index.html");
        assertThat(page.selectFirst(".dateline").text()).startsWith("Publicerad");
        assertThat(page.selectFirst(".skip").text()).isEqualTo("Aller au contenu");
        assertThat(site.page("index.html").selectFirst(".river-title").text()).isEqualTo("À la une");
        List<String> warnings = result.problems().stream().map(p -> p.message()).filter(m -> m.startsWith("UI strings missing")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("UI strings missing in 'sv'").contains("skip_to_content").doesNotContain("published,")
                .contains("using fr, then en");
    }

    @Test
    void translationsLinkEachOtherBothWaysWithHreflang() {
        TestSite site = new TestSite(dir).file("site.yaml", "base_url: https://news.example.org/\n");
        site.article("en.md", "title: Summit ends\ndate: 2022-11-20\nlang: en\ntranslation_key: cop27-end", "The summit ended.");
        site.article("fr.md", "title: Fin du sommet\ndate: 2022-11-20\nlang: fr\ntranslation_key: cop27-end", "Le sommet est fini.");
        site.article("de.md", "title: Gipfel endet\ndate: 2022-11-20\nlang: de\ntranslation_key: cop27-end", "Der Gipfel ist vorbei.");
        site.article("alone.md", "title: Alone\ndate: 2022-11-20", "No translation.");
        site.buildOk();
        List<String> pages = List.of("2022/11/summit-ends/index.html", "2022/11/fin-du-sommet/index.html", "2022/11/gipfel-endet/index.html");
        for (String path : pages) {
            Document page = site.page(path);
            Map<String, String> alternates = new java.util.TreeMap<>();
            page.select("link[rel=alternate][hreflang]").forEach(l -> alternates.put(l.attr("hreflang"), l.attr("href")));
            assertThat(alternates).as(path).containsExactly(
                    Map.entry("de", "https://news.example.org/2022/11/gipfel-endet/"),
                    Map.entry("en", "https://news.example.org/2022/11/summit-ends/"),
                    Map.entry("fr", "https://news.example.org/2022/11/fin-du-sommet/"));
            assertThat(page.select(".translations a")).as(path).hasSize(2);
        }
        assertThat(site.page("2022/11/alone/index.html").select("link[hreflang]")).isEmpty();
    }

    @Test
    void aMultilingualSiteHasAFrontPageAndFeedsPerLanguageLinkedByHreflang() throws Exception {
        TestSite site = new TestSite(dir).file("site.yaml",
                "title: Le Journal\nbase_url: https://news.example.org/\nlanguage: fr\nlanguages: [fr, en]\n");
        site.article("fr.md", "title: Fin du sommet\ndate: 2022-11-20\nlang: fr", "Le sommet est fini.");
        site.article("fr2.md", "title: Grève à Paris\ndate: 2022-11-21\nlang: fr", "Les trains sont arrêtés.");
        site.article("en.md", "title: Summit ends\ndate: 2022-11-20\nlang: en", "The summit ended.");
        site.buildOk();

        Document fr = site.page("fr/index.html");
        Document en = site.page("en/index.html");
        assertThat(fr.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(fr.select(".card-title").eachText()).containsExactly("Grève à Paris", "Fin du sommet");
        assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(en.select(".card-title").eachText()).containsExactly("Summit ends");
        assertThat(en.selectFirst(".river-title").text()).isEqualTo("Latest news");
        for (Document front : List.of(fr, en)) {
            Map<String, String> alternates = new java.util.TreeMap<>();
            front.select("link[rel=alternate][hreflang]").forEach(l -> alternates.put(l.attr("hreflang"), l.attr("href")));
            assertThat(alternates).containsExactly(Map.entry("en", "https://news.example.org/en/"),
                    Map.entry("fr", "https://news.example.org/fr/"));
            assertThat(front.select(".languages a").eachText()).containsExactly("Français", "English");
        }
        assertThat(fr.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href")).contains("/fr/feed.xml");
        com.rometools.rome.feed.synd.SyndFeed feed = new com.rometools.rome.io.SyndFeedInput()
                .build(new org.xml.sax.InputSource(new java.io.StringReader(site.read("en/feed.xml"))));
        assertThat(feed.getEntries()).extracting(e -> e.getTitle()).containsExactly("Summit ends");
        assertThat(feed.getLanguage()).isEqualTo("en");
        assertThat(site.page("index.html").select(".card-title, .lead-story h2")).hasSize(3);
    }

    @Test
    void aSingleLanguageSiteKeepsThePlainUrls() {
        TestSite site = new TestSite(dir);
        site.article("a.md", "title: A\ndate: 2022-11-20\nlang: fr", "Texte.");
        site.article("b.md", "title: B\ndate: 2022-11-20", "Text.");
        site.buildOk();
        assertThat(site.exists("fr/index.html")).isFalse();
        assertThat(site.exists("en/index.html")).isFalse();
        assertThat(site.page("index.html").select(".languages")).isEmpty();
    }

    @Test
    void authorProfilesFromDataFeedAuthorPagesAndAnAuthorWithoutOneStillWorks() {
        TestSite site = new TestSite(dir);
        site.file("data/authors.yaml", """
                - name: Claire Fontaine
                  bio: Climate correspondent in Paris.
                  avatar: /img/claire.png
                  url: https://claire.example.org/
                  social:
                    mastodon: https://mastodon.example/@claire
                """);
        site.article("a.md", "title: A\ndate: 2022-11-20\nauthors: [Claire Fontaine, Jonas Keller, Ana Ruiz]", "Text.");
        site.buildOk();
        Document claire = site.page("authors/claire-fontaine/index.html");
        assertThat(claire.selectFirst(".profile .bio").text()).isEqualTo("Climate correspondent in Paris.");
        assertThat(claire.selectFirst(".profile img").attr("src")).isEqualTo("/img/claire.png");
        assertThat(claire.select(".profile-links a").eachAttr("href")).containsExactly("https://claire.example.org/", "https://mastodon.example/@claire");
        assertThat(site.page("authors/jonas-keller/index.html").select(".profile")).isEmpty();
        assertThat(site.page("2022/11/a/index.html").selectFirst(".byline .authors").text())
                .isEqualTo("By Claire Fontaine, Jonas Keller and Ana Ruiz");
    }

    @Test
    void correctionsShowInABoxAndMoveTheModifiedDate() throws Exception {
        TestSite site = new TestSite(dir).file("site.yaml", "base_url: https://news.example.org/\n");
        site.article("a.md", """
                title: Port volumes
                date: 2022-11-02T08:00:00Z
                corrections:
                  - date: 2022-11-04T12:00:00Z
                    text: An earlier version gave the wrong year for the record.
                """, "Text.");
        site.buildOk();
        Document page = site.page("2022/11/port-volumes/index.html");
        assertThat(page.selectFirst(".corrections li").text()).isEqualTo("November 4, 2022: An earlier version gave the wrong year for the record.");
        assertThat(page.selectFirst(".updated time").attr("datetime")).isEqualTo("2022-11-04T12:00:00Z");
        assertThat(page.selectFirst("script[type=application/ld+json]").data()).contains("\"dateModified\":\"2022-11-04T12:00:00Z\"");
    }

    @Test
    void breakingAndFeaturedStoriesLeadTheFrontPage() {
        TestSite site = new TestSite(dir);
        site.article("a.md", "title: Newest\ndate: 2022-11-20", "a");
        site.article("b.md", "title: Featured story\ndate: 2022-11-18\nfeatured: true", "b");
        site.article("c.md", "title: Older\ndate: 2022-11-10", "c");
        site.buildOk();
        Document home = site.page("index.html");
        assertThat(home.selectFirst(".lead-story h2").text()).isEqualTo("Featured story");
        assertThat(home.select(".cards .card-title").eachText()).containsExactly("Newest", "Older");

        site.article("d.md", "title: Breaking story\ndate: 2022-11-19\nbreaking: true", "d");
        site.buildOk();
        home = site.page("index.html");
        assertThat(home.selectFirst(".lead-story h2").text()).isEqualTo("Breaking story");
        assertThat(home.selectFirst(".lead-story .breaking").text()).isEqualTo("Breaking");
    }

    @Test
    void theBuildSaysWhenTheNextScheduledArticleGoesLiveAndTheNextExpires() {
        TestSite site = new TestSite(dir);
        site.article("live.md", "title: Live\ndate: 2025-06-01\nexpiryDate: 2026-03-01T09:00:00Z", "x");
        site.article("later.md", "title: Embargoed report\ndate: 2026-02-01T06:00:00Z", "x");
        site.article("latest.md", "title: Even later\ndate: 2026-05-01", "x");
        BuildResult result = site.buildOk();
        List<String> lines = new ArrayList<>(result.scheduleLines());
        assertThat(lines).containsExactly(
                "Next scheduled article goes live 2026-02-01T06:00:00Z: 'Embargoed report' (content/later.md)",
                "Next article expires 2026-03-01T09:00:00Z: 'Live' (content/live.md)");
    }
}
