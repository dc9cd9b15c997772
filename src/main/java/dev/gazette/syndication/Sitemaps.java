package dev.gazette.syndication;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * sitemap.xml (split under a sitemap index above 50,000 URLs, as the protocol requires), the Google News sitemap
 * and robots.txt.
 */
public final class Sitemaps {

    /** The protocol's limit of URLs per sitemap file. */
    public static final int MAX_URLS = 50_000;
    /** Google News takes articles published in the last two days, at most 1,000 of them. */
    public static final Duration NEWS_WINDOW = Duration.ofDays(2);
    public static final int MAX_NEWS = 1_000;

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** A page and when it last changed (null when unknown). */
    public record Entry(String loc, ZonedDateTime lastmod) {
    }

    /** An article for the news sitemap. */
    public record NewsEntry(String loc, String title, ZonedDateTime published, String language) {
    }

    private final FeedWriter xml = new FeedWriter("");

    /**
     * The sitemap files, by output path: "sitemap.xml" alone, or "sitemap.xml" as an index of "sitemap-1.xml" ...
     *
     * @param baseUrl the site's absolute base URL, ending in "/"
     */
    public Map<String, String> sitemaps(List<Entry> entries, String baseUrl) {
        Map<String, String> files = new LinkedHashMap<>();
        if (entries.size() <= MAX_URLS) {
            files.put("sitemap.xml", urlset(entries));
            return files;
        }
        List<Entry> parts = new ArrayList<>();
        for (int from = 0, n = 1; from < entries.size(); from += MAX_URLS, n++) {
            List<Entry> part = entries.subList(from, Math.min(entries.size(), from + MAX_URLS));
            String name = "sitemap-" + n + ".xml";
            files.put(name, urlset(part));
            parts.add(new Entry(baseUrl + name, part.stream().map(Entry::lastmod).filter(d -> d != null)
                    .max(Comparator.naturalOrder()).orElse(null)));
        }
        files.put("sitemap.xml", xml.xml(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (Entry part : parts) {
                w.writeStartElement("sitemap");
                FeedWriter.element(w, "loc", part.loc());
                lastmod(w, part);
                w.writeEndElement();
            }
            w.writeEndElement();
        }));
        return files;
    }

    private String urlset(List<Entry> entries) {
        return xml.xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (Entry entry : entries) {
                w.writeStartElement("url");
                FeedWriter.element(w, "loc", entry.loc());
                lastmod(w, entry);
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static void lastmod(XMLStreamWriter w, Entry entry) throws XMLStreamException {
        if (entry.lastmod() != null) {
            FeedWriter.element(w, "lastmod", W3C.format(entry.lastmod().withNano(0)));
        }
    }

    /**
     * The articles Google News wants: published within {@link #NEWS_WINDOW} of the newest one (not of the clock, so
     * the file depends only on the content), newest first, at most {@link #MAX_NEWS}.
     */
    public static List<NewsEntry> recent(List<NewsEntry> articles) {
        ZonedDateTime newest = articles.stream().map(NewsEntry::published).max(Comparator.naturalOrder()).orElse(null);
        if (newest == null) {
            return List.of();
        }
        ZonedDateTime from = newest.minus(NEWS_WINDOW);
        return articles.stream()
                .filter(a -> !a.published().isBefore(from))
                .sorted(Comparator.comparing(NewsEntry::published).reversed().thenComparing(NewsEntry::loc))
                .limit(MAX_NEWS)
                .toList();
    }

    public String news(List<NewsEntry> articles, String publicationName) {
        return xml.xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            w.writeNamespace("news", NEWS_NS);
            for (NewsEntry article : recent(articles)) {
                w.writeStartElement("url");
                FeedWriter.element(w, "loc", article.loc());
                w.writeStartElement("news", "news", NEWS_NS);
                w.writeStartElement("news", "publication", NEWS_NS);
                w.writeStartElement("news", "name", NEWS_NS);
                w.writeCharacters(XmlText.clean(publicationName));
                w.writeEndElement();
                w.writeStartElement("news", "language", NEWS_NS);
                w.writeCharacters(article.language());
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("news", "publication_date", NEWS_NS);
                w.writeCharacters(W3C.format(article.published().withNano(0)));
                w.writeEndElement();
                w.writeStartElement("news", "title", NEWS_NS);
                w.writeCharacters(XmlText.clean(article.title()));
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    public static String robots(String baseUrl) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + "sitemap.xml\nSitemap: " + baseUrl + "news-sitemap.xml\n";
    }
}
