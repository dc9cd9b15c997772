package dev.gazette.html;

import dev.gazette.i18n.Typography;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A body parsed into a jsoup tree (Markdown with HTML of its own, tables, footnotes, code blocks), processed
 * there: one walk over the tree collects what the steps of {@link BodyProcessor} need, the steps change the tree,
 * and the HTML is written from it. The decisions are those {@link NewsCopyBody} takes, from the same helpers.
 */
final class TreeBody {

    private final Element body;
    private final BodyProcessor settings;

    /** @param body the body element of a parsed (and, when needed, sanitized) document */
    TreeBody(Element body, BodyProcessor settings) {
        this.body = body;
        this.settings = settings;
    }

    /** @param explicitSummary the text before the body's summary marker, or null to take the lead paragraphs */
    RenderedBody process(boolean eagerFirstImage, String typographyLang, BodyProcessor.ArticleLinks articleLinks,
            BodyProcessor.BrokenLinks broken, String explicitSummary) {
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
                : BodyProcessor.leadParagraphs(body.children().stream().filter(p -> p.normalName().equals("p"))
                        .map(Element::text).iterator());
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
                if (linkOrCodeDepth == 0 && BodyProcessor.mayHoldUrl(value)) {
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

    private static void levelHeadings(List<Element> headings) {
        int[] levels = new int[headings.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = headings.get(i).normalName().charAt(1) - '0';
        }
        BodyProcessor.levelHeadings(levels);
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] != headings.get(i).normalName().charAt(1) - '0') {
                headings.get(i).tagName("h" + levels[i]);
            }
        }
    }

    private static void anchorHeadings(List<Element> headings, Set<String> used) {
        for (Element heading : headings) {
            if (heading.id().isEmpty()) {
                heading.id(BodyProcessor.headingId(heading.text(), used));
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

    private void prefixSiteRootPaths(List<Element> anchors, List<Element> images) {
        anchors.forEach(a -> prefix(a, "href"));
        images.forEach(img -> prefix(img, "src"));
    }

    private void prefix(Element element, String attribute) {
        String value = element.attr(attribute);
        String prefixed = settings.underBasePath(value);
        if (!prefixed.equals(value)) {
            element.attr(attribute, prefixed);
        }
    }

    private void sizeImages(List<Element> images, boolean eagerFirstImage) {
        boolean first = true;
        for (Element img : images) {
            settings.imageAttributes(img.attr("src"), img.hasAttr("width") || img.hasAttr("height"), img.hasAttr("srcset"),
                    first && eagerFirstImage, img::attr);
            first = false;
        }
    }

    private static List<String> rewriteLinks(List<Element> anchors, BodyProcessor.ArticleLinks articleLinks,
            BodyProcessor.BrokenLinks broken) {
        List<String> links = new ArrayList<>();
        for (Element a : anchors) {
            String href = a.attr("href");
            String target = BodyProcessor.linkTarget(href, articleLinks, broken);
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
}
