package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import dev.gazette.source.YamlReader;
import dev.gazette.syndication.Sitemaps;
import java.io.StringReader;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/** Feeds, sitemaps, structured data, related articles and search: what lets readers and robots find the news. */
class FindingTheNewsTest {

    @TempDir
    java.nio.file.Path dir;

    private TestSite site;

    @BeforeEach
    void writeSite() {
        site = new TestSite(dir);
        site.file("site.yaml", "title: The Ledger\nbase_url: https://news.example.org/\nlogo: /logo.png\n");
        site.article("a.md", """
                title: "Ports <busy> & full"
                date: 2022-11-10T08:00:00Z
                lastmod: 2022-11-11T09:30:00Z
                authors: [Maaike de Vries, Tom Hallworth]
                tags: [shipping, energy]
                categories: [Economy]
                image: /img/port.jpg
                """, "Rotterdam handled *record* volumes. See the [other story](b.md).\n\n![Crane](/img/crane.jpg)\n");
        site.article("b.md", "title: Gas prices fall\ndate: 2022-11-09T10:00:00Z\nauthor: Tom Hallworth\ntags: [energy]\ncategories: [Economy]",
                "Prices at the Élysée café fell. Gas traders were relieved.");
        site.article("c.md", "title: Old election story\ndate: 2022-11-05T10:00:00Z\ntags: [elections]\nsource: Reuters",
                "Votes were counted.");
    }

    @Test
    void feedsParseWithARealFeedParserWithEveryAuthorCategoryAndAbsoluteLinks() throws Exception {
        site.buildOk();
        for (String file : List.of("feed.xml", "atom.xml")) {
            SyndFeed feed = new SyndFeedInput().build(new InputSource(new StringReader(site.read(file))));
            assertThat(feed.getEntries()).as(file).hasSize(3);
            SyndEntry first = feed.getEntries().get(0);
            assertThat(first.getTitle()).as(file).isEqualTo("Ports <busy> & full");
            assertThat(first.getLink()).as(file).isEqualTo("https://news.example.org/2022/11/ports-busy-and-full/");
            List<String> authors = new ArrayList<>();
            first.getAuthors().forEach(p -> authors.add(((SyndPerson) p).getName()));
            DCModule dc = (DCModule) first.getModule(DCModule.URI);
            if (authors.isEmpty() && dc != null) {
                authors.addAll(dc.getCreators());
            }
            assertThat(authors).as(file).containsExactly("Maaike de Vries", "Tom Hallworth");
            assertThat(first.getCategories()).extracting(c -> ((SyndCategory) c).getName())
                    .as(file).contains("shipping", "energy", "Economy");
            assertThat(first.getPublishedDate().toInstant()).as(file).isEqualTo(ZonedDateTime.parse("2022-11-10T08:00:00Z").toInstant());
            String content = first.getContents().isEmpty() ? "" : first.getContents().get(0).getValue();
            assertThat(content).as(file).contains("<em>record</em>")
                    .contains("href=\"https://news.example.org/2022/11/gas-prices-fall/\"")
                    .contains("src=\"https://news.example.org/img/crane.jpg\"");
        }
        SyndFeed atom = new SyndFeedInput().build(new InputSource(new StringReader(site.read("atom.xml"))));
        assertThat(atom.getPublishedDate().toInstant()).as("newest article's change, not the build time")
                .isEqualTo(ZonedDateTime.parse("2022-11-11T09:30:00Z").toInstant());

        SyndFeed energy = new SyndFeedInput().build(new InputSource(new StringReader(site.read("tags/energy/feed.xml"))));
        assertThat(energy.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Ports <busy> & full", "Gas prices fall");
        // terms have RSS only unless term_feeds says otherwise
        assertThat(site.exists("authors/tom-hallworth/feed.xml")).isTrue();
        assertThat(site.exists("authors/tom-hallworth/atom.xml")).isFalse();
        assertThat(site.exists("categories/economy/feed.json")).isFalse();

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) YamlReader.readValue(site.read("feed.json"));
        assertThat(json.get("version")).isEqualTo("https://jsonfeed.org/version/1.1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) json.get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("title")).isEqualTo("Ports <busy> & full");
        assertThat(items.get(0).get("authors").toString()).contains("Maaike de Vries").contains("Tom Hallworth");
        assertThat(items.get(0).get("date_published")).isEqualTo("2022-11-10T08:00:00Z");
    }

    @Test
    void termFeedsComeInTheFormatsTermFeedsNamesAndTheirPagesLinkThoseOnly() throws Exception {
        site.file("site.yaml", "title: The Ledger\nbase_url: https://news.example.org/\nterm_feeds: [json, atom, rss]\n");
        site.buildOk();
        SyndFeed atom = new SyndFeedInput().build(new InputSource(new StringReader(site.read("tags/energy/atom.xml"))));
        assertThat(atom.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Ports <busy> & full", "Gas prices fall");
        assertThat(site.exists("categories/economy/feed.json")).isTrue();
        assertThat(site.page("tags/energy/index.html").select("link[rel=alternate]").eachAttr("href")).containsExactly(
                "/feed.xml", "/atom.xml", "/feed.json", "/tags/energy/feed.xml", "/tags/energy/atom.xml",
                "/tags/energy/feed.json");

        site.file("site.yaml", "title: The Ledger\nbase_url: https://news.example.org/\nterm_feeds: []\n");
        site.buildOk();
        assertThat(site.exists("tags/energy/feed.xml")).isFalse();
        assertThat(site.exists("tags/energy/atom.xml")).isFalse();
        assertThat(site.exists("feed.xml") && site.exists("atom.xml") && site.exists("feed.json")).isTrue();
        assertThat(site.page("tags/energy/index.html").select("link[rel=alternate]").eachAttr("href")).containsExactly(
                "/feed.xml", "/atom.xml", "/feed.json");

        site.file("site.yaml", "title: The Ledger\nterm_feeds: [rss, rdf]\n");
        assertThat(site.build().problems()).extracting(p -> p.format(dir)).anyMatch(p -> p.startsWith("site.yaml:2: ")
                && p.contains("term_feeds") && p.contains("'rdf'"));
    }

    @Test
    void everyPageLinksItsFeeds() {
        site.buildOk();
        Document home = site.page("index.html");
        assertThat(home.select("link[rel=alternate]").eachAttr("href")).containsExactly(
                "/feed.xml", "/atom.xml", "/feed.json");
        Document tag = site.page("tags/energy/index.html");
        assertThat(tag.select("link[rel=alternate]").eachAttr("href")).containsExactly(
                "/feed.xml", "/atom.xml", "/feed.json", "/tags/energy/feed.xml");
        assertThat(site.page("2022/11/gas-prices-fall/index.html").select("link[rel=alternate][type=application/atom+xml]")).hasSize(1);
    }

    @Test
    void sitemapsValidateAgainstTheirSchemasAndTheNewsSitemapKeepsTwoDays() throws Exception {
        site.buildOk();
        Schema schema = schema();
        schema.newValidator().validate(new StreamSource(new StringReader(site.read("sitemap.xml"))));
        schema.newValidator().validate(new StreamSource(new StringReader(site.read("news-sitemap.xml"))));

        Document sitemap = org.jsoup.Jsoup.parse(site.read("sitemap.xml"), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(sitemap.select("url > loc").eachText()).contains("https://news.example.org/",
                "https://news.example.org/2022/11/ports-busy-and-full/", "https://news.example.org/tags/energy/")
                .doesNotContain("https://news.example.org/404.html");
        assertThat(sitemap.select("url:has(loc:containsOwn(ports-busy)) > lastmod").text()).isEqualTo("2022-11-11T09:30:00Z");

        Document news = org.jsoup.Jsoup.parse(site.read("news-sitemap.xml"), "", org.jsoup.parser.Parser.xmlParser());
        // newest is 10 November: 9 November is within two days, 5 November is not
        assertThat(news.select("url > loc").eachText()).containsExactly(
                "https://news.example.org/2022/11/ports-busy-and-full/", "https://news.example.org/2022/11/gas-prices-fall/");
        assertThat(news.select("news|title").first().text()).isEqualTo("Ports <busy> & full");
        assertThat(news.select("news|name").first().text()).isEqualTo("The Ledger");
        assertThat(site.read("robots.txt")).contains("Sitemap: https://news.example.org/sitemap.xml")
                .contains("Sitemap: https://news.example.org/news-sitemap.xml");
    }

    @Test
    void moreThanFiftyThousandUrlsGoUnderASitemapIndex() throws Exception {
        List<Sitemaps.Entry> entries = new ArrayList<>();
        for (int i = 0; i < Sitemaps.MAX_URLS + 1; i++) {
            entries.add(new Sitemaps.Entry("https://news.example.org/a/" + i + "/", ZonedDateTime.parse("2022-01-01T00:00:00Z").plusMinutes(i)));
        }
        Map<String, String> files = new Sitemaps().sitemaps(entries, "https://news.example.org/");
        assertThat(files.keySet()).containsExactly("sitemap-1.xml", "sitemap-2.xml", "sitemap.xml");
        Schema schema = schema();
        for (String xml : files.values()) {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        }
        assertThat(files.get("sitemap.xml")).contains("<sitemapindex").contains("https://news.example.org/sitemap-2.xml");
        assertThat(files.get("sitemap-2.xml")).contains("https://news.example.org/a/50000/");
    }

    @Test
    void articlePagesCarryJsonLdOpenGraphAndTwitterMetadata() throws Exception {
        site.buildOk();
        Document page = site.page("2022/11/ports-busy-and-full/index.html");
        String jsonLd = page.selectFirst("script[type=application/ld+json]").data();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) YamlReader.readValue(jsonLd);
        assertThat(data.get("@type")).isEqualTo("NewsArticle");
        assertThat(data.get("headline")).isEqualTo("Ports <busy> & full");
        assertThat(data.get("datePublished")).isEqualTo("2022-11-10T08:00:00Z");
        assertThat(data.get("dateModified")).isEqualTo("2022-11-11T09:30:00Z");
        assertThat(data.get("author").toString()).contains("Maaike de Vries").contains("Tom Hallworth")
                .contains("https://news.example.org/authors/tom-hallworth/");
        assertThat(data.get("publisher").toString()).contains("The Ledger").contains("https://news.example.org/logo.png");
        assertThat(data.get("image")).isEqualTo(List.of("https://news.example.org/img/port.jpg"));
        assertThat(data.get("inLanguage")).isEqualTo("en");
        assertThat(data.get("mainEntityOfPage").toString()).contains("https://news.example.org/2022/11/ports-busy-and-full/");

        assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.selectFirst("meta[property=og:image]").attr("content")).isEqualTo("https://news.example.org/img/port.jpg");
        assertThat(page.selectFirst("meta[property=og:locale]").attr("content")).isEqualTo("en_US");
        assertThat(page.select("meta[property=article:author]").eachAttr("content")).containsExactly("Maaike de Vries", "Tom Hallworth");
        assertThat(page.select("meta[property=article:tag]").eachAttr("content")).containsExactly("shipping", "energy");
        assertThat(page.selectFirst("meta[property=article:section]").attr("content")).isEqualTo("Economy");
        assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");

        Document wire = site.page("2022/11/old-election-story/index.html");
        assertThat(wire.selectFirst("script[type=application/ld+json]").data()).contains("\"sourceOrganization\":{\"@type\":\"Organization\",\"name\":\"Reuters\"}");
    }

    @Test
    void longHeadlinesAndDescriptionsAreCutAtAWord() {
        String longTitle = "Negotiators from nearly two hundred countries agreed early on Sunday to create a fund for the loss and damage suffered by poor nations";
        String longBody = ("The talks ran through the night and into the morning as delegations argued over who should pay. ").repeat(5);
        site.article("long.md", "title: " + longTitle + "\ndate: 2022-11-20", longBody);
        site.buildOk();
        Document page = site.page("2022/11/" + dev.gazette.content.Slugs.of(longTitle) + "/index.html");
        String description = page.selectFirst("meta[name=description]").attr("content");
        assertThat(description.length()).isLessThanOrEqualTo(156);
        assertThat(description).endsWith("…");
        assertThat(longBody).startsWith(description.substring(0, description.length() - 1));
        String headline = page.selectFirst("script[type=application/ld+json]").data().replaceAll(".*\"headline\":\"([^\"]*)\".*", "$1");
        assertThat(headline.length()).isLessThanOrEqualTo(110);
        assertThat(longTitle).startsWith(headline.substring(0, headline.length() - 1));
    }

    @Test
    void relatedArticlesFavourRareSharedTagsAndAreDeterministic() {
        site.article("d.md", "title: Shipping rates climb\ndate: 2022-11-01\ntags: [shipping]\ncategories: [World]", "Rates.");
        site.article("e.md", "title: Energy bill support\ndate: 2022-11-02\ntags: [energy]\ncategories: [Economy]", "Bills.");
        site.buildOk();
        List<String> related = site.page("2022/11/ports-busy-and-full/index.html").select(".related a").eachText();
        // "Gas prices fall" shares energy and Economy; "Energy bill support" too but is older; "Shipping rates
        // climb" shares only shipping, rarer than energy; "Old election story" shares nothing.
        assertThat(related).containsExactly("Gas prices fall", "Energy bill support", "Shipping rates climb");
        site.buildOk();
        assertThat(site.page("2022/11/ports-busy-and-full/index.html").select(".related a").eachText()).isEqualTo(related);
    }

    @Test
    void theSearchIndexFindsEveryWordOfABodyByItsStartButNotStopWords() throws Exception {
        site.article("fr.md", "title: Rencontre à Ankara\ndate: 2022-11-14T10:00:00Z\nlang: fr",
                "Le directeur de la CIA a rencontré son homologue. Le porte-parole du Kremlin, Dmitri Peskov, "
                        + "n'a pas commenté dans la soirée.");
        site.buildOk();
        @SuppressWarnings("unchecked")
        Map<String, Object> index = (Map<String, Object>) YamlReader.readValue(site.read("search-index.json"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> articles = (List<Map<String, Object>>) index.get("articles");
        assertThat(articles).hasSize(4);
        assertThat(articles.get(0)).containsEntry("f", "14 novembre 2022").containsEntry("l", "fr");
        assertThat(find(index, "peskov")).containsExactly("/2022/11/rencontre-a-ankara/");
        assertThat(find(index, "kreml")).containsExactly("/2022/11/rencontre-a-ankara/");
        assertThat(find(index, "elysee")).containsExactly("/2022/11/gas-prices-fall/");
        assertThat(find(index, "ankara")).as("a title word").contains("/2022/11/rencontre-a-ankara/");
        // French stop words are not in the French article's words; an English one is not a French stop word
        assertThat(find(index, "dans")).isEmpty();
        assertThat(find(index, "soiree")).containsExactly("/2022/11/rencontre-a-ankara/");
        @SuppressWarnings("unchecked")
        List<String> words = (List<String>) index.get("words");
        assertThat(words).isSorted().doesNotHaveDuplicates().doesNotContain("the", "dans", "2022");
        Document search = site.page("search/index.html");
        assertThat(search.selectFirst("script[src]").attr("data-index")).isEqualTo("/search-index.json");
        assertThat(search.selectFirst("#search-status").attr("data-other")).isEqualTo("{0} results");
        assertThat(site.exists("assets/search.js")).isTrue();
    }

    /** What search.js does: the articles with a word starting with the prefix (binary search, delta-coded ids). */
    @SuppressWarnings("unchecked")
    private static List<Object> find(Map<String, Object> index, String prefix) {
        List<String> words = (List<String>) index.get("words");
        List<String> postings = (List<String>) index.get("postings");
        List<Map<String, Object>> articles = (List<Map<String, Object>>) index.get("articles");
        int at = java.util.Collections.binarySearch(words, prefix);
        java.util.SortedSet<Integer> ids = new java.util.TreeSet<>();
        for (int i = at < 0 ? -at - 1 : at; i < words.size() && words.get(i).startsWith(prefix); i++) {
            int id = 0;
            for (String step : postings.get(i).split("\\.")) {
                id += Integer.parseInt(step, 36);
                ids.add(id);
            }
        }
        return ids.stream().map(id -> articles.get(id).get("u")).toList();
    }

    private static Schema schema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return factory.newSchema(new javax.xml.transform.Source[] {
                new StreamSource(FindingTheNewsTest.class.getResourceAsStream("/syndication/sitemap-news.xsd")),
                new StreamSource(FindingTheNewsTest.class.getResourceAsStream("/syndication/sitemap.xsd"))});
    }
}
