package dev.gazette.templates;

import java.util.List;
import java.util.Map;

/**
 * What templates see. Every record and field here is documented in docs/templates.md; a template asking for
 * anything else fails the build (strict variables) with the template's name and line.
 */
public final class Views {

    private Views() {
    }

    /** The site as a whole, on every page as {@code site}. */
    public record SiteView(String title, String description, String language, String baseUrl, String url,
            String stylesheet, List<LinkView> sections, List<LinkView> taxonomies, String archiveUrl,
            String searchUrl, List<LinkView> languages, String generator) {
        public SiteView {
            languages = List.copyOf(languages);
            sections = List.copyOf(sections);
            taxonomies = List.copyOf(taxonomies);
        }
    }

    /**
     * The page being rendered, as {@code page}: its kind, title, language and URLs, and what its head tells
     * readers and robots: OpenGraph type and locale, share image, feeds, JSON-LD.
     *
     * @param structuredData JSON-LD text, already safe inside a script element (write it with {@code | raw}), or null
     */
    public record PageView(String kind, String title, String description, String url, String canonical,
            String lang, String locale, String type, String image, List<FeedLink> feeds, String structuredData,
            List<Translation> translations) {
        public PageView {
            feeds = List.copyOf(feeds);
            translations = List.copyOf(translations);
        }
    }

    /** A feed a page links to in its head. */
    public record FeedLink(String title, String type, String url) {
    }

    /** An article named at the end of another ("Related articles"). */
    public record RelatedView(String title, String url, DateView date, String lang) {
    }

    /** A link to a term, section, year or page, with the number of articles behind it (0 when not counted). */
    public record LinkView(String name, String url, int count) {
    }

    /**
     * A date as {@code <time datetime="{{ iso }}">{{ text }}</time>} wants it: {@code text} without the weekday
     * ("1er novembre 2022"), {@code full} with it ("mardi 1er novembre 2022").
     */
    public record DateView(String iso, String text, String full) {
    }

    /** A correction published with an article. */
    public record CorrectionView(DateView date, String text) {
    }

    /** The same story in another language (or this one), for hreflang links and the language switcher. */
    public record Translation(String lang, String url, String title, boolean current) {
    }

    /** An author's profile from data/authors.yaml, on their page; {@code links} are their site and networks. */
    public record AuthorView(String name, String bio, String avatar, List<LinkView> links) {
        public AuthorView {
            links = List.copyOf(links);
        }
    }

    /** A section's block on the front page: its name, its page and its newest stories not shown above it. */
    public record SectionView(String name, String url, List<ArticleView> articles) {
        public SectionView {
            articles = List.copyOf(articles);
        }
    }

    /** An image with what the page knows about it; width and height are null when the size is unknown. */
    public record ImageView(String src, String alt, String caption, String credit, Integer width, Integer height,
            String srcset) {
    }

    /**
     * An article. {@code summary} is the front matter's summary or one made from the body's first paragraphs;
     * {@code standfirst} is only the front matter's (null otherwise), so a page never repeats its first paragraph.
     * In lists {@code body} is null; on the article's own page it is the HTML of the body (write
     * {@code {{ article.body | raw }}}).
     */
    public record ArticleView(String title, String titleLang, String url, String lang, DateView date,
            DateView updated, List<LinkView> authors, List<LinkView> tags, List<LinkView> categories,
            LinkView section, String summary, String standfirst, ImageView image, String source, String canonicalUrl, String body,
            int wordCount, int readingMinutes, List<RelatedView> related, List<CorrectionView> corrections,
            boolean featured, boolean breaking, List<Translation> translations) {
        public ArticleView {
            related = List.copyOf(related);
            corrections = List.copyOf(corrections);
            translations = List.copyOf(translations);
            authors = List.copyOf(authors);
            tags = List.copyOf(tags);
            categories = List.copyOf(categories);
        }
    }

    /** Where a paginated list is: page {@code number} of {@code total}, with links around it. */
    public record PagerView(int number, int total, String previousUrl, String nextUrl, List<PageLink> pages) {
        public PagerView {
            pages = List.copyOf(pages);
        }
    }

    /** One entry of a pager's page numbers; number 0 (and a null URL) marks skipped numbers ("…"). */
    public record PageLink(int number, String url, boolean current) {
    }

    /** A month of an archive year. */
    public record MonthView(String name, String iso, List<ArticleView> articles) {
        public MonthView {
            articles = List.copyOf(articles);
        }
    }

    /** A taxonomy for its index page: its name ("tags"), its title in the page's language, its terms. */
    public record TaxonomyView(String name, String title, String url, List<LinkView> terms) {
        public TaxonomyView {
            terms = List.copyOf(terms);
        }
    }

    /** Builds a template model map; null values are kept (strict variables accept a present null). */
    public static Map<String, Object> model(Object... keysAndValues) {
        Map<String, Object> model = new java.util.TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            model.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return model;
    }
}
