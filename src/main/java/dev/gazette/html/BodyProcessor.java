package dev.gazette.html;

import dev.gazette.content.Slugs;
import dev.gazette.media.ImageSize;
import dev.gazette.media.ImageSizes;
import java.util.ArrayList;
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

/**
 * Turns the HTML of a rendered Markdown body into the HTML of an article page. Stateless apart from its
 * configuration; every call parses with a parser of its own, so threads never wait on each other.
 */
public final class BodyProcessor {

    /** Summaries gather whole paragraphs until they reach about this many words. */
    public static final int SUMMARY_WORDS = 50;

    private static final String MORE = "<!--more-->";
    private static final String PARSE_BASE = "https://gazette.invalid/";
    private static final Pattern ARTICLE_LINK = Pattern.compile("^(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#).*\\.(md|markdown|txt)(#.*)?$");
    private static final Pattern WORDS = Pattern.compile("\\s+");

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
     * @param html the body as Markdown rendered it
     * @param eagerFirstImage whether the body's first image may be above the fold (no lead image), so it loads
     *     at once rather than lazily
     */
    public RenderedBody process(String html, boolean eagerFirstImage, ArticleLinks articleLinks, BrokenLinks broken) {
        int more = html.indexOf(MORE);
        String explicitSummary = more >= 0 ? text(Jsoup.parseBodyFragment(html.substring(0, more), PARSE_BASE)) : null;

        Document doc = Jsoup.parseBodyFragment(html, PARSE_BASE);
        if (sanitize) {
            doc = new Cleaner(safelist).clean(doc);
        }
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();

        demoteHeadings(body);
        anchorHeadings(body);
        makeFigures(body);
        prefixSiteRootPaths(body);
        sizeImages(body, eagerFirstImage);
        List<String> links = rewriteLinks(body, articleLinks, broken);

        String text = text(doc);
        int words = text.isBlank() ? 0 : WORDS.split(text.strip()).length;
        String summary = explicitSummary != null ? explicitSummary : leadParagraphs(body);
        return new RenderedBody(body.html(), summary, words, links);
    }

    /** The page has one h1, the article's title: headings written as h1 in the body move down a level. */
    private static void demoteHeadings(Element body) {
        if (body.selectFirst("h1") == null) {
            return;
        }
        for (Element heading : body.select("h1, h2, h3, h4, h5")) {
            int level = heading.tagName().charAt(1) - '0';
            heading.tagName("h" + (level + 1));
        }
    }

    private static void anchorHeadings(Element body) {
        Set<String> used = new HashSet<>();
        body.select("[id]").forEach(e -> used.add(e.id()));
        for (Element heading : body.select("h2, h3, h4, h5, h6")) {
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
    private static void makeFigures(Element body) {
        for (Element img : body.select("p > img[title]")) {
            Element p = img.parent();
            if (p == null || p.childrenSize() != 1 || !p.ownText().isBlank()) {
                continue;
            }
            Element figure = new Element("figure");
            String caption = img.attr("title");
            img.removeAttr("title");
            figure.appendChild(img.clone());
            figure.appendElement("figcaption").text(caption);
            p.replaceWith(figure);
        }
    }

    private void prefixSiteRootPaths(Element body) {
        if (basePath.equals("/")) {
            return;
        }
        for (Element e : body.select("a[href^=/], img[src^=/]")) {
            String attribute = e.hasAttr("href") ? "href" : "src";
            String value = e.attr(attribute);
            if (!value.startsWith("//") && !value.startsWith(basePath)) {
                e.attr(attribute, basePath + value.substring(1));
            }
        }
    }

    private void sizeImages(Element body, boolean eagerFirstImage) {
        boolean first = true;
        for (Element img : body.select("img")) {
            if (!img.hasAttr("width") && !img.hasAttr("height")) {
                Optional<ImageSize> size = imageSizes.sizeOf(img.attr("src"));
                size.ifPresent(s -> img.attr("width", String.valueOf(s.width())).attr("height", String.valueOf(s.height())));
            }
            img.attr("loading", first && eagerFirstImage ? "eager" : "lazy");
            img.attr("decoding", "async");
            first = false;
        }
    }

    private static List<String> rewriteLinks(Element body, ArticleLinks articleLinks, BrokenLinks broken) {
        List<String> links = new ArrayList<>();
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href");
            if (ARTICLE_LINK.matcher(href).matches()) {
                Optional<String> url = articleLinks.resolve(href);
                if (url.isPresent()) {
                    href = url.get();
                    a.attr("href", href);
                } else {
                    broken.report(href);
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
        for (Element p : body.select("> p")) {
            String text = p.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = WORDS.split(text);
            if (words > 0 && words + parts.length > SUMMARY_WORDS * 3 / 2) {
                break;
            }
            if (words == 0 && parts.length > SUMMARY_WORDS * 3 / 2) {
                return String.join(" ", java.util.Arrays.copyOf(parts, SUMMARY_WORDS)) + "…";
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

    /** The visible text of a document, blocks separated by spaces. */
    private static String text(Document doc) {
        StringBuilder out = new StringBuilder();
        appendText(doc.body(), out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static void appendText(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (child instanceof Element element) {
                if (element.tagName().equals("script") || element.tagName().equals("style")) {
                    continue;
                }
                if (element.isBlock()) {
                    out.append(' ');
                }
                appendText(element, out);
                if (element.isBlock()) {
                    out.append(' ');
                }
            }
        }
    }
}
