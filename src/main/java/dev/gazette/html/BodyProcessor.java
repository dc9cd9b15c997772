package dev.gazette.html;

import dev.gazette.content.Slugs;
import dev.gazette.i18n.Typography;
import dev.gazette.markdown.RenderedMarkdown;
import dev.gazette.media.ImageSizes;
import dev.gazette.media.ResponsiveImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the HTML of a rendered Markdown body into the HTML of an article page: sanitizing (when the Markdown had
 * HTML of its own), heading anchors, figures, image sizes and lazy loading, links between articles, bare URLs
 * as links, word count and summary. News copy (Markdown without HTML of its own) is processed as Markdown sends
 * it, without a tree ({@link NewsCopyBody}); anything else is parsed into a jsoup tree, and one walk over the
 * tree collects what the steps need. Both take their decisions from the same helpers here. Stateless apart from
 * its configuration; every call parses with a parser of its own, so threads never wait on each other.
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
            TreeBuilder tree = new TreeBuilder(doc.body());
            events.replay(tree);
            tree.finish();
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
        Element body = doc.body();

        Walk walk = new Walk(typographyLang);
        NodeTraversor.traverse(walk, body);
        levelHeadings(walk.headings);
        anchorHeadings(walk.headings, walk.ids);
        makeFigures(walk.images);
        prefixSiteRootPaths(walk.anchors, walk.images);
        sizeImages(walk.images, eagerFirstImage);
        List<String> links = rewriteLinks(walk.anchors, articleLinks, broken);
        for (TextNode text : walk.urlTexts) {
            BareUrls.link(text, links);
        }
        String summary = explicitSummary != null ? explicitSummary
                : leadParagraphs(body.children().stream().filter(p -> p.normalName().equals("p")).map(Element::text)
                        .iterator());
        return new RenderedBody(BodyHtml.of(body), summary, walk.text.words, links, walk.text.tokens.distinct());
    }

    /** One walk over the body: elements the steps work on, ids in use, words, text that may hold bare URLs. */
    private static final class Walk implements NodeVisitor {
        final List<Element> headings = new ArrayList<>();
        final List<Element> images = new ArrayList<>();
        final List<Element> anchors = new ArrayList<>();
        final List<TextNode> urlTexts = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        final BodyWords text = new BodyWords();
        private int linkOrCodeDepth;
        private int codeDepth;
        private final String typographyLang;

        Walk(String typographyLang) {
            this.typographyLang = typographyLang;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                if (typographyLang != null && codeDepth == 0) {
                    String typeset = Typography.apply(textNode.getWholeText(), typographyLang);
                    if (!typeset.equals(textNode.getWholeText())) {
                        textNode.text(typeset);
                    }
                }
                String value = textNode.getWholeText();
                text.count(value);
                if (linkOrCodeDepth == 0 && mayHoldUrl(value)) {
                    urlTexts.add(textNode);
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            if (element.isBlock()) {
                text.boundary();
            }
            String tag = element.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> headings.add(element);
                case "img" -> images.add(element);
                case "a" -> {
                    if (element.hasAttr("href")) {
                        anchors.add(element);
                    }
                    linkOrCodeDepth++;
                }
                case "code", "pre", "script", "style" -> {
                    linkOrCodeDepth++;
                    codeDepth++;
                }
                default -> {
                    // nothing to collect
                }
            }
            if (element.hasAttr("id")) {
                ids.add(element.id());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                switch (element.normalName()) {
                    case "a" -> linkOrCodeDepth--;
                    case "code", "pre", "script", "style" -> {
                        linkOrCodeDepth--;
                        codeDepth--;
                    }
                    default -> {
                        // nothing to undo
                    }
                }
                if (element.isBlock()) {
                    text.boundary();
                }
            }
        }
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

    private static void levelHeadings(List<Element> headings) {
        int[] levels = new int[headings.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = headings.get(i).normalName().charAt(1) - '0';
        }
        levelHeadings(levels);
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] != headings.get(i).normalName().charAt(1) - '0') {
                headings.get(i).tagName("h" + levels[i]);
            }
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

    private static void anchorHeadings(List<Element> headings, Set<String> used) {
        for (Element heading : headings) {
            if (heading.id().isEmpty()) {
                heading.id(headingId(heading.text(), used));
            }
        }
    }

    /** A paragraph holding nothing but an image with a title becomes a figure with that title as its caption. */
    private static void makeFigures(List<Element> images) {
        for (Element img : images) {
            Element p = img.parent();
            if (!img.hasAttr("title") || p == null || !p.normalName().equals("p") || p.childrenSize() != 1
                    || !p.ownText().isBlank()) {
                continue;
            }
            Element figure = new Element("figure");
            String caption = img.attr("title");
            img.removeAttr("title");
            p.replaceWith(figure);
            figure.appendChild(img);
            figure.appendElement("figcaption").text(caption);
        }
    }

    /** A link or image path written from the site root ("/images/a.jpg") with the site's base path. */
    String underBasePath(String value) {
        if (!basePath.equals("/") && value.startsWith("/") && !value.startsWith("//") && !value.startsWith(basePath)) {
            return basePath + value.substring(1);
        }
        return value;
    }

    private void prefixSiteRootPaths(List<Element> anchors, List<Element> images) {
        if (basePath.equals("/")) {
            return;
        }
        anchors.forEach(a -> prefix(a, "href"));
        images.forEach(img -> prefix(img, "src"));
    }

    private void prefix(Element element, String attribute) {
        String value = element.attr(attribute);
        String prefixed = underBasePath(value);
        if (!prefixed.equals(value)) {
            element.attr(attribute, prefixed);
        }
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

    private void sizeImages(List<Element> images, boolean eagerFirstImage) {
        boolean first = true;
        for (Element img : images) {
            imageAttributes(img.attr("src"), img.hasAttr("width") || img.hasAttr("height"), img.hasAttr("srcset"),
                    first && eagerFirstImage, img::attr);
            first = false;
        }
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

    private static List<String> rewriteLinks(List<Element> anchors, ArticleLinks articleLinks, BrokenLinks broken) {
        List<String> links = new ArrayList<>();
        for (Element a : anchors) {
            String href = a.attr("href");
            String target = linkTarget(href, articleLinks, broken);
            if (target == null) {
                a.removeAttr("href");
                continue;
            }
            if (!target.equals(href)) {
                a.attr("href", target);
            }
            links.add(target);
        }
        return links;
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
