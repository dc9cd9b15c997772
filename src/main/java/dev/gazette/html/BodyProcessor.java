package dev.gazette.html;

import dev.gazette.content.Slugs;
import dev.gazette.i18n.Typography;
import dev.gazette.markdown.RenderedMarkdown;
import dev.gazette.media.ImageSize;
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
 * as links, word count and summary. One walk over the tree collects what the steps need. Stateless apart from
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
     */
    /**
     * @param typographyLang the article's language when its typographic rules apply to the text (French
     *     spacing), else null
     */
    public RenderedBody process(RenderedMarkdown markdown, boolean eagerFirstImage, String typographyLang,
            ArticleLinks articleLinks, BrokenLinks broken) {
        String explicitSummary = null;
        Document doc = Document.createShell(PARSE_BASE);
        TreeBuilder tree = new TreeBuilder(doc.body());
        if (markdown.sendTo(tree)) {
            // news copy, sent as a tree: no raw HTML, so neither a summary marker nor anything to sanitize
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
        String summary = explicitSummary != null ? explicitSummary : leadParagraphs(body);
        return new RenderedBody(BodyHtml.of(body), summary, walk.words, links, walk.tokens.distinct());
    }

    private static final boolean[] ASCII_SPACE = new boolean[128];
    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_SPACE[c] = Character.isWhitespace(c);
            ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
        }
    }

    /** One walk over the body: elements the steps work on, ids in use, words, text that may hold bare URLs. */
    private static final class Walk implements NodeVisitor {
        final List<Element> headings = new ArrayList<>();
        final List<Element> images = new ArrayList<>();
        final List<Element> anchors = new ArrayList<>();
        final List<TextNode> urlTexts = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        final SearchTerms.Counter tokens = new SearchTerms.Counter();
        boolean hasH1;
        int words;
        private boolean inWord;
        private int linkOrCodeDepth;
        private int codeDepth;
        private final String typographyLang;

        Walk(String typographyLang) {
            this.typographyLang = typographyLang;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (typographyLang != null && codeDepth == 0) {
                    String typeset = Typography.apply(text.getWholeText(), typographyLang);
                    if (!typeset.equals(text.getWholeText())) {
                        text.text(typeset);
                    }
                }
                String value = text.getWholeText();
                countWords(value);
                if (linkOrCodeDepth == 0 && (value.contains("://") || value.contains("www."))) {
                    urlTexts.add(text);
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            if (element.isBlock()) {
                inWord = false;
            }
            String tag = element.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    headings.add(element);
                    hasH1 |= tag.equals("h1");
                }
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
                    inWord = false;
                }
            }
        }

        /** A text node's characters, copied once: reading non-Latin-1 strings char by char cost twice as much. */
        private char[] chars = new char[256];

        private void countWords(String text) {
            int n = text.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            char[] cs = chars;
            text.getChars(0, n, cs, 0);
            int tokenStart = -1;
            for (int i = 0; i < n; i++) {
                char c = cs[i];
                boolean space;
                boolean letter;
                if (c < 128) {
                    space = ASCII_SPACE[c];
                    letter = ASCII_LETTER_OR_DIGIT[c];
                } else {
                    space = Character.isWhitespace(c) || c == '\u00A0';
                    letter = Character.isLetterOrDigit(c);
                }
                if (!space && !inWord) {
                    words++;
                }
                inWord = !space;
                if (letter && tokenStart < 0) {
                    tokenStart = i;
                } else if (!letter && tokenStart >= 0) {
                    tokens.add(cs, tokenStart, i);
                    tokenStart = -1;
                }
            }
            if (tokenStart >= 0) {
                tokens.add(cs, tokenStart, n);
            }
        }
    }

    /**
     * The page has one h1, the article's title, and its outline never skips a level (screen readers navigate by
     * it): the body's highest heading becomes h2, whatever the writer used (# or ###), and a heading deeper than
     * one level below the one before it is raised to that level.
     */
    private static void levelHeadings(List<Element> headings) {
        if (headings.isEmpty()) {
            return;
        }
        int highest = 6;
        for (Element heading : headings) {
            highest = Math.min(highest, heading.normalName().charAt(1) - '0');
        }
        int shift = 2 - highest;
        int previous = 1;
        for (Element heading : headings) {
            int level = Math.max(2, Math.min(6, heading.normalName().charAt(1) - '0' + shift));
            level = Math.min(level, previous + 1);
            if (level != heading.normalName().charAt(1) - '0') {
                heading.tagName("h" + level);
            }
            previous = level;
        }
    }

    private static void anchorHeadings(List<Element> headings, Set<String> used) {
        for (Element heading : headings) {
            if (!heading.id().isEmpty()) {
                continue;
            }
            String base = Slugs.of(heading.text());
            if (base.isEmpty()) {
                base = "section";
            }
            String id = base;
            for (int n = 2; used.contains(id); n++) {
                id = base + "-" + n;
            }
            used.add(id);
            heading.id(id);
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

    private void prefixSiteRootPaths(List<Element> anchors, List<Element> images) {
        if (basePath.equals("/")) {
            return;
        }
        anchors.forEach(a -> prefix(a, "href"));
        images.forEach(img -> prefix(img, "src"));
    }

    private void prefix(Element element, String attribute) {
        String value = element.attr(attribute);
        if (value.startsWith("/") && !value.startsWith("//") && !value.startsWith(basePath)) {
            element.attr(attribute, basePath + value.substring(1));
        }
    }

    private void sizeImages(List<Element> images, boolean eagerFirstImage) {
        boolean first = true;
        for (Element img : images) {
            if (!img.hasAttr("width") && !img.hasAttr("height")) {
                Optional<ImageSize> size = imageSizes.sizeOf(img.attr("src"));
                size.ifPresent(s -> img.attr("width", String.valueOf(s.width())).attr("height", String.valueOf(s.height())));
            }
            if (!img.hasAttr("srcset")) {
                ResponsiveImages.srcset(imageSizes, img.attr("src"))
                        .ifPresent(set -> img.attr("srcset", set).attr("sizes", BODY_IMAGE_SIZES));
            }
            img.attr("loading", first && eagerFirstImage ? "eager" : "lazy");
            img.attr("decoding", "async");
            first = false;
        }
    }

    private static List<String> rewriteLinks(List<Element> anchors, ArticleLinks articleLinks, BrokenLinks broken) {
        List<String> links = new ArrayList<>();
        for (Element a : anchors) {
            String href = a.attr("href");
            if (href.strip().regionMatches(true, 0, "file:", 0, 5)) {
                broken.report(href); // a file on the writer's computer: no reader can follow it
                a.removeAttr("href");
                continue;
            }
            if (href.endsWith(".md") || href.endsWith(".markdown") || href.endsWith(".txt") || href.contains(".md#")
                    || href.contains(".markdown#") || href.contains(".txt#")) {
                if (ARTICLE_LINK.matcher(href).matches()) {
                    Optional<String> url = articleLinks.resolve(href);
                    if (url.isPresent()) {
                        href = url.get();
                        a.attr("href", href);
                    } else {
                        broken.report(href);
                    }
                }
            }
            links.add(href);
        }
        return links;
    }

    /** Whole paragraphs from the start until about {@value #SUMMARY_WORDS} words, cut at a word if one is long. */
    private static String leadParagraphs(Element body) {
        StringBuilder summary = new StringBuilder();
        int words = 0;
        for (Element p : body.children()) {
            if (!p.normalName().equals("p")) {
                continue;
            }
            String text = p.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split(" +");
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
