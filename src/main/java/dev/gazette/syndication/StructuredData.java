package dev.gazette.syndication;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON-LD for article pages: a schema.org NewsArticle with what search engines require and recommend. */
public final class StructuredData {

    /** Google shows at most this many characters of a headline. */
    public static final int HEADLINE_MAX = 110;

    /**
     * What a NewsArticle says. URLs are absolute.
     *
     * @param authors every author, each with the URL of their page (or null)
     * @param source the agency the copy comes from, or null
     */
    public record Article(String headline, String url, String canonicalUrl, ZonedDateTime published,
            ZonedDateTime modified, List<FeedItem.Person> authors, String publisherName, String publisherLogo,
            String image, String lang, String description, String section, List<String> keywords, String source) {
    }

    private StructuredData() {
    }

    /** The JSON-LD text, safe to place inside {@code <script type="application/ld+json">}. */
    public static String newsArticle(Article article) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("headline", headline(article.headline()));
        data.put("datePublished", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(article.published().withNano(0)));
        data.put("dateModified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(article.modified().withNano(0)));
        List<Object> authors = new ArrayList<>();
        for (FeedItem.Person author : article.authors()) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", author.name());
            if (author.url() != null) {
                person.put("url", author.url());
            }
            authors.add(person);
        }
        if (!authors.isEmpty()) {
            data.put("author", authors);
        }
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", article.publisherName());
        if (article.publisherLogo() != null) {
            Map<String, Object> logo = new LinkedHashMap<>();
            logo.put("@type", "ImageObject");
            logo.put("url", article.publisherLogo());
            publisher.put("logo", logo);
        }
        data.put("publisher", publisher);
        if (article.image() != null) {
            data.put("image", List.of(article.image()));
        }
        data.put("inLanguage", article.lang());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@type", "WebPage");
        page.put("@id", article.canonicalUrl());
        data.put("mainEntityOfPage", page);
        data.put("url", article.url());
        if (article.description() != null && !article.description().isEmpty()) {
            data.put("description", article.description());
        }
        if (article.section() != null) {
            data.put("articleSection", article.section());
        }
        if (!article.keywords().isEmpty()) {
            data.put("keywords", String.join(", ", article.keywords()));
        }
        if (article.source() != null) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("@type", "Organization");
            source.put("name", article.source());
            data.put("sourceOrganization", source);
        }
        return Json.write(data);
    }

    /** The headline cut at a word to at most {@value #HEADLINE_MAX} characters. */
    static String headline(String title) {
        if (title.length() <= HEADLINE_MAX) {
            return title;
        }
        int cut = title.lastIndexOf(' ', HEADLINE_MAX - 1);
        return (cut > 0 ? title.substring(0, cut) : title.substring(0, HEADLINE_MAX - 1)) + "…";
    }
}
