package dev.gazette.html;

import dev.gazette.content.Slugs;
import dev.gazette.markdown.RenderedMarkdown;
import dev.gazette.media.ImageSizes;
import dev.gazette.media.ResponsiveImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns the HTML of a rendered Markdown body into the HTML of an article page: sanitizing (when the Markdown had
 * HTML of its own), heading anchors, figures, image sizes and lazy loading, links between articles, bare URLs
 * as links, word count and summary. News copy (Markdown without HTML of its own) is processed as Markdown sends
 * it, without a tree ({@link NewsCopyBody}); anything else is parsed into a jsoup tree and processed there
 * ({@link TreeBody}). Both take their decisions from the helpers here. Stateless apart from its configuration;
 * every call parses with a parser of its own, so threads never wait on each other.
 */
public final class BodyProcessor {

    /** Summaries gather whole paragraphs until they reach about this many words. */
    public static final int SUMMARY_WORDS = 50;

    private static final String MORE = "<!--more-->";
    /** How wide a body image is shown: the text column (the default theme's --measure), or the whole screen. */
    private static final String BODY_IMAGE_SIZES = "(min-width: 42rem) 40rem, 100vw";
    private static final String PARSE_BASE = "https://gazette.invalid/";
    private static final Pattern ARTICLE_LINK = Pattern.compile("^(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#).*\\.(md|markdown|txt)(#.*)?$");

    /** Resolves a link to another article file, written relative to the linking file, to that article's URL. */
    @FunctionalInterface
    public interface ArticleLinks {
        /** @return the URL, or empty when no published article has that file */
        Optional<String> resolve(String href);
    }

    /** What went wrong with one link; the caller decides how to report it. */
    @FunctionalInterface
    public interface BrokenLinks {
        void report(String href);
    }

    private final boolean sanitize;
    private final String basePath;
    private final ImageSizes imageSizes;
    private final Safelist safelist;

    /**
     * @param basePath the site's base path ("/" or "/news/"): links and images written from the site root
     *     ("/images/a.jpg") get it, so a site can move under a sub-path without editing articles
     */
    public BodyProcessor(boolean sanitize, String basePath, ImageSizes imageSizes) {
        this.sanitize = sanitize;
        this.basePath = basePath;
        this.imageSizes = imageSizes;
        this.safelist = Safelist.relaxed()
                .addTags("figure", "figcaption", "section", "hr", "del", "s", "sup", "sub", "abbr", "mark",
                        "details", "summary", "small", "time", "aside")
                .addAttributes(":all", "id", "class", "title", "lang", "dir")
                .addAttributes("a", "rel")
                .addAttributes("td", "align")
                .addAttributes("th", "align")
                .addAttributes("time", "datetime")
                .preserveRelativeLinks(true);
    }

    /**
     * @param eagerFirstImage whether the body's first image may be above the fold (no lead image), so it loads
     *     at once rather than lazily
     * @param typographyLang the article's language when its typographic rules apply to the text (French
     *     spacing), else null
     */
    public RenderedBody process(RenderedMarkdown markdown, boolean eagerFirstImage, String typographyLang,
            ArticleLinks articleLinks, BrokenLinks broken) {
        String explicitSummary = null;
        Document doc;
        BodyEvents events = new BodyEvents();
        if (markdown.sendTo(events)) {
            // news copy, sent element by element: no raw HTML, so neither a summary marker nor anything to sanitize
            if (events.close()) {
                return new NewsCopyBody(events, this).process(eagerFirstImage, typographyLang, articleLinks, broken);
            }
            doc = Document.createShell(PARSE_BASE);
            events.appendTo(doc.body());
        } else {
            String html = markdown.html();
            int more = html.indexOf(MORE);
            explicitSummary = more >= 0 ? Jsoup.parseBodyFragment(html.substring(0, more), PARSE_BASE).text() : null;
            doc = Jsoup.parseBodyFragment(html, PARSE_BASE);
            if (sanitize && markdown.containsRawHtml()) {
                doc = new Cleaner(safelist).clean(doc);
            }
        }
        doc.outputSettings().prettyPrint(false);
        return new TreeBody(doc.body(), this).process(eagerFirstImage, typographyLang, articleLinks, broken,
                explicitSummary);
    }

    /** Whether a text (outside links and code) may hold a bare URL to link. */
    static boolean mayHoldUrl(String text) {
        return text.contains("://") || text.contains("www.");
    }

    /**
     * The page has one h1, the article's title, and its outline never skips a level (screen readers navigate by
     * it): the body's highest heading becomes h2, whatever the writer used (# or ###), and a heading deeper than
     * one level below the one before it is raised to that level.
     *
     * @param levels the body's heading levels in order; replaced by the levels they get
     */
    static void levelHeadings(int[] levels) {
        int highest = 6;
        for (int level : levels) {
            highest = Math.min(highest, level);
        }
        int shift = 2 - highest;
        int previous = 1;
        for (int i = 0; i < levels.length; i++) {
            int level = Math.max(2, Math.min(6, levels[i] + shift));
            level = Math.min(level, previous + 1);
            levels[i] = level;
            previous = level;
        }
    }

    /** The id of a heading with this text: its slug, numbered when another element has it already. */
    static String headingId(String text, Set<String> used) {
        String base = Slugs.of(text);
        if (base.isEmpty()) {
            base = "section";
        }
        String id = base;
        for (int n = 2; used.contains(id); n++) {
            id = base + "-" + n;
        }
        used.add(id);
        return id;
    }

    /** A link or image path written from the site root ("/images/a.jpg") with the site's base path. */
    String underBasePath(String value) {
        if (!basePath.equals("/") && value.startsWith("/") && !value.startsWith("//") && !value.startsWith(basePath)) {
            return basePath + value.substring(1);
        }
        return value;
    }

    /**
     * What an image of the body gets: its size (when it has none), its resized copies, and how it loads.
     *
     * @param add receives each attribute's name and value, in the order they are written
     */
    void imageAttributes(String src, boolean sized, boolean hasSrcset, boolean eager,
            java.util.function.BiConsumer<String, String> add) {
        if (!sized) {
            imageSizes.sizeOf(src).ifPresent(s -> {
                add.accept("width", String.valueOf(s.width()));
                add.accept("height", String.valueOf(s.height()));
            });
        }
        if (!hasSrcset) {
            ResponsiveImages.srcset(imageSizes, src).ifPresent(set -> {
                add.accept("srcset", set);
                add.accept("sizes", BODY_IMAGE_SIZES);
            });
        }
        add.accept("loading", eager ? "eager" : "lazy");
        add.accept("decoding", "async");
    }

    /**
     * Where a link of the body goes: a link to another article's file goes to that article's page; a link to a
     * file on the writer's computer goes nowhere (no reader can follow it).
     *
     * @return the href to write, or null to write the link without one
     */
    static String linkTarget(String href, ArticleLinks articleLinks, BrokenLinks broken) {
        if (href.strip().regionMatches(true, 0, "file:", 0, 5)) {
            broken.report(href);
            return null;
        }
        if (href.endsWith(".md") || href.endsWith(".markdown") || href.endsWith(".txt") || href.contains(".md#")
                || href.contains(".markdown#") || href.contains(".txt#")) {
            if (ARTICLE_LINK.matcher(href).matches()) {
                Optional<String> url = articleLinks.resolve(href);
                if (url.isPresent()) {
                    return url.get();
                }
                broken.report(href);
            }
        }
        return href;
    }

    /** The words of a text with no space at either end, as {@code text.split(" +")} gives them, without a regex. */
    static String[] words(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf(' ', start);
            if (end < 0) {
                end = n;
            }
            words.add(text.substring(start, end));
            start = end;
            while (start < n && text.charAt(start) == ' ') {
                start++;
            }
        }
        return words.toArray(new String[0]);
    }

    /**
     * Whole paragraphs from the start until about {@value #SUMMARY_WORDS} words, cut at a word if one is long.
     *
     * @param paragraphs the text of the body's top-level paragraphs, in order, asked for one at a time
     */
    static String leadParagraphs(java.util.Iterator<String> paragraphs) {
        StringBuilder summary = new StringBuilder();
        int words = 0;
        while (paragraphs.hasNext()) {
            String text = paragraphs.next().strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = words(text);
            if (words > 0 && words + parts.length > SUMMARY_WORDS * 3 / 2) {
                break;
            }
            if (words == 0 && parts.length > SUMMARY_WORDS * 3 / 2) {
                return String.join(" ", Arrays.copyOf(parts, SUMMARY_WORDS)) + "…";
            }
            if (summary.length() > 0) {
                summary.append(' ');
            }
            summary.append(text);
            words += parts.length;
            if (words >= SUMMARY_WORDS) {
                break;
            }
        }
        return summary.toString();
    }
}
