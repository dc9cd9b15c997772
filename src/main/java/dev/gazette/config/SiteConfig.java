package dev.gazette.config;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.List;

/**
 * Everything a build needs to know about the site that is not an article. Every field has a default
 * ({@link #defaults()}), documented in docs/configuration.md.
 *
 * @param baseUrl absolute URL of the site's root with a trailing slash, or {@code "/"} when unknown
 * @param permalink pattern for article URLs, tokens {@code :year :month :day :slug :section :filename}
 * @param pageSize articles per page of the front page
 * @param termPageSize articles per page of a term's list (a tag's, a category's, an author's); {@link #ALL} for
 *     one page with all of them
 * @param taxonomies front matter fields that group articles (tags, categories, authors by default)
 * @param unsafeHtml when true, raw HTML in articles is published as written instead of sanitized
 * @param boilerplate extra lines (regular expressions) stripped from the end of raw articles
 * @param detectLanguages languages that detection may choose from for raw articles
 * @param feedSize articles per feed
 * @param feedFullContent whether the site's feeds carry whole articles (else summaries)
 * @param termFeedFullContent whether tag, category and author feeds carry whole articles (else summaries)
 * @param termFeeds the formats of each tag's, category's and author's feed, among {@code rss}, {@code atom} and
 *     {@code json}, in that order (RSS only by default; the site's own feeds are written in all three)
 * @param logo the publisher's logo (site path or URL) for structured data, or null
 * @param typography whether to apply a language's typographic rules to its articles (French spacing ...)
 * @param languages the languages of a multilingual site, each with its own front page and feeds under
 *     "/LANG/"; empty (the default) for a single-language site, which keeps the plain URLs
 * @param followExternalSymlinks whether symbolic links in content/ and static/ whose targets lie outside the site
 *     folder are read (off by default: such a link is skipped with a warning)
 */
public record SiteConfig(
        String title,
        String description,
        String baseUrl,
        String language,
        ZoneId timezone,
        String permalink,
        int pageSize,
        int termPageSize,
        List<String> taxonomies,
        boolean unsafeHtml,
        List<String> boilerplate,
        List<String> detectLanguages,
        int feedSize,
        boolean feedFullContent,
        boolean termFeedFullContent,
        List<String> termFeeds,
        String logo,
        boolean typography,
        List<String> languages,
        boolean followExternalSymlinks) {

    public static final String DEFAULT_PERMALINK = "/:year/:month/:slug/";
    /** A page size that puts a whole list on one page. */
    public static final int ALL = Integer.MAX_VALUE;
    public static final List<String> DEFAULT_TAXONOMIES = List.of("tags", "categories", "authors");
    public static final List<String> DEFAULT_DETECT_LANGUAGES = List.of("en", "fr", "de", "es", "it", "pt", "nl", "cs", "pl");
    /** The feed formats, in the order their files are written and linked. */
    public static final List<String> FEED_FORMATS = List.of("rss", "atom", "json");
    /**
     * RSS only for terms: every reader takes it, and three formats for each of a site's hundreds of terms tripled
     * the files a build writes and a host receives (at 100 articles, 654 of 997 files were term feeds).
     */
    public static final List<String> DEFAULT_TERM_FEEDS = List.of("rss");

    public SiteConfig {
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(language, "language is null");
        requireNonNull(timezone, "timezone is null");
        requireNonNull(permalink, "permalink is null");
        if (feedSize < 1) {
            throw new IllegalArgumentException("feedSize must be at least 1, was " + feedSize);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        if (termPageSize < 1) {
            throw new IllegalArgumentException("termPageSize must be at least 1, was " + termPageSize);
        }
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        taxonomies = List.copyOf(taxonomies);
        boilerplate = List.copyOf(boilerplate);
        detectLanguages = List.copyOf(detectLanguages);
        languages = List.copyOf(languages);
        termFeeds = FEED_FORMATS.stream().filter(termFeeds::contains).toList();
    }

    /** Whether the site declares two languages or more, and so gets a front page and feeds per language. */
    public boolean multilingual() {
        return languages.size() > 1;
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Gazette", "", "/", "en", ZoneId.of("UTC"), DEFAULT_PERMALINK, 20, 20,
                DEFAULT_TAXONOMIES, false, List.of(), DEFAULT_DETECT_LANGUAGES, 20, true, false, DEFAULT_TERM_FEEDS, null, true, List.of(), false);
    }

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, url, language, timezone, permalink, pageSize, termPageSize, taxonomies,
                unsafeHtml, boilerplate, detectLanguages, feedSize, feedFullContent, termFeedFullContent, termFeeds, logo,
                typography, languages, followExternalSymlinks);
    }

    /** The path part of the base URL, always starting and ending with "/" (for example "/" or "/news/"). */
    public String basePath() {
        int scheme = baseUrl.indexOf("://");
        if (scheme < 0) {
            return baseUrl.startsWith("/") ? baseUrl : "/" + baseUrl;
        }
        int slash = baseUrl.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : baseUrl.substring(slash);
    }

    /** Whether base_url is a full URL, so canonical links and feeds can be absolute. */
    public boolean hasAbsoluteBaseUrl() {
        return baseUrl.contains("://");
    }

    /** The absolute form of a site path such as "/2022/11/slug/" (relative to the host when base_url is not absolute). */
    public String absoluteUrl(String sitePath) {
        if (sitePath.contains("://") || sitePath.startsWith("//")) {
            return sitePath;
        }
        if (!hasAbsoluteBaseUrl()) {
            return sitePath;
        }
        int scheme = baseUrl.indexOf("://");
        int slash = baseUrl.indexOf('/', scheme + 3);
        String origin = slash < 0 ? baseUrl : baseUrl.substring(0, slash);
        return origin + sitePath;
    }

    /**
     * Every setting as "name=value", in declaration order: the build cache keys on it. Written with reflection
     * over the record's components (so a new setting is in it without a change here), because the record's
     * generated toString links a method handle on its first call, 30 ms of a small site's cold start.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SiteConfig[");
        java.lang.reflect.RecordComponent[] components = SiteConfig.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            try {
                text.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=')
                        .append(components[i].getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.append(']').toString();
    }
}
