package dev.gazette.html;

import dev.gazette.i18n.Typography;
import dev.gazette.markdown.HtmlSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jsoup.internal.StringUtil;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * The body of news copy (the Markdown that has no HTML of its own), processed as Markdown sends it instead of
 * through a jsoup tree: the elements and text are kept as a flat list of events, the steps of
 * {@link BodyProcessor} are taken on that list (the same decisions, from the same helpers), and the HTML is written
 * from it as jsoup would write the tree. Building, walking and writing a jsoup tree for every article was about
 * 6% of a clean build. Bodies with an element Markdown's news copy does not make are sent on to a jsoup tree.
 * A test holds both ways to the same result on every kind of news copy.
 */
final class NewsCopyBody implements HtmlSink {

    /** The elements news copy is made of: those the Markdown renderer sends for it. */
    private static final Set<String> ELEMENTS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "a",
            "img", "code", "del", "br", "hr", "blockquote", "ul", "ol", "li");
    private static final Set<String> VOID = Set.of("img", "br", "hr");
    /** How jsoup classes them, which decides where words and text runs end. */
    private static final Set<String> BLOCK = new HashSet<>();
    private static final Set<String> INLINE = new HashSet<>();

    static {
        for (String tag : ELEMENTS) {
            Tag known = Tag.valueOf(tag);
            if (known.isBlock()) {
                BLOCK.add(tag);
            }
            if (known.isInline()) {
                INLINE.add(tag);
            }
        }
        BLOCK.add("figure");
        BLOCK.add("figcaption");
    }

    private static final byte START = 0;
    private static final byte END = 1;
    private static final byte TEXT = 2;
    private static final String[] NONE = new String[0];

    private byte[] kinds = new byte[128];
    /** An element's tag (START), or a run of text (TEXT). */
    private String[] values = new String[128];
    /** An element's attributes, names and values alternately (START). */
    private String[][] attributes = new String[128][];
    private int size;
    private final StringBuilder run = new StringBuilder();
    private boolean plain = true;

    @Override
    public void start(String tag, String... attributes) {
        flush();
        plain &= ELEMENTS.contains(tag);
        add(START, tag, attributes.length == 0 ? NONE : attributes);
    }

    @Override
    public void end() {
        flush();
        add(END, null, null);
    }

    @Override
    public void text(String text) {
        run.append(text);
    }

    @Override
    public void entity(String reference) {
        run.append(Parser.unescapeEntities(reference, false));
    }

    /** Whether the body has only the elements of news copy (else the caller {@link #replay}s it into a tree). */
    boolean plain() {
        flush();
        return plain;
    }

    /** Sends what was received to another sink, as it came. */
    void replay(HtmlSink sink) {
        flush();
        for (int i = 0; i < size; i++) {
            switch (kinds[i]) {
                case START -> sink.start(values[i], attributes[i]);
                case END -> sink.end();
                default -> sink.text(values[i]);
            }
        }
    }

    private void flush() {
        if (run.length() > 0) {
            add(TEXT, run.toString(), null);
            run.setLength(0);
        }
    }

    private void add(byte kind, String value, String[] attrs) {
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
            values = Arrays.copyOf(values, size * 2);
            attributes = Arrays.copyOf(attributes, size * 2);
        }
        kinds[size] = kind;
        values[size] = value;
        attributes[size] = attrs;
        size++;
    }

    /** The matching END of each START and START of each END, and the START of each node's parent (-1 at the top). */
    private int[] endOf;
    private int[] startOf;
    private int[] parentOf;
    /** Paragraphs that became figures (by their START), and the caption of each image in one (by its START). */
    private boolean[] figure;
    private String[] caption;
    /** The bare URLs of each run of text that has some. */
    private List<BareUrls.Found>[] urls;

    /** The steps of {@link BodyProcessor#process}, in its order, on a {@link #plain} body. */
    RenderedBody process(BodyProcessor settings, boolean eagerFirstImage, String typographyLang,
            BodyProcessor.ArticleLinks articleLinks, BodyProcessor.BrokenLinks broken) {
        flush();
        int n = size;
        endOf = new int[n];
        startOf = new int[n];
        parentOf = new int[n];
        figure = new boolean[n];
        caption = new String[n];
        int[] open = new int[16];
        int depth = 0;
        List<Integer> headings = new ArrayList<>();
        List<Integer> images = new ArrayList<>();
        List<Integer> anchors = new ArrayList<>();
        List<Integer> urlTexts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BodyWords words = new BodyWords();
        int linkOrCodeDepth = 0;
        int codeDepth = 0;
        // the walk: typography, words, what the later steps work on
        for (int i = 0; i < n; i++) {
            parentOf[i] = depth > 0 ? open[depth - 1] : -1;
            if (kinds[i] == TEXT) {
                if (typographyLang != null && codeDepth == 0) {
                    values[i] = Typography.apply(values[i], typographyLang);
                }
                words.count(values[i]);
                if (linkOrCodeDepth == 0 && BodyProcessor.mayHoldUrl(values[i])) {
                    urlTexts.add(i);
                }
            } else if (kinds[i] == START) {
                String tag = values[i];
                if (BLOCK.contains(tag)) {
                    words.boundary();
                }
                switch (tag) {
                    case "h1", "h2", "h3", "h4", "h5", "h6" -> headings.add(i);
                    case "img" -> images.add(i);
                    case "a" -> {
                        if (attribute(i, "href") != null) {
                            anchors.add(i);
                        }
                        linkOrCodeDepth++;
                    }
                    case "code" -> {
                        linkOrCodeDepth++;
                        codeDepth++;
                    }
                    default -> {
                        // nothing to collect
                    }
                }
                String id = attribute(i, "id");
                if (id != null) {
                    ids.add(id);
                }
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = i;
            } else {
                int start = open[--depth];
                parentOf[i] = depth > 0 ? open[depth - 1] : -1;
                endOf[start] = i;
                startOf[i] = start;
                switch (values[start]) {
                    case "a" -> linkOrCodeDepth--;
                    case "code" -> {
                        linkOrCodeDepth--;
                        codeDepth--;
                    }
                    default -> {
                        // nothing to undo
                    }
                }
                if (BLOCK.contains(values[start])) {
                    words.boundary();
                }
            }
        }

        int[] levels = new int[headings.size()];
        for (int h = 0; h < levels.length; h++) {
            levels[h] = values[headings.get(h)].charAt(1) - '0';
        }
        BodyProcessor.levelHeadings(levels);
        for (int h = 0; h < levels.length; h++) {
            values[headings.get(h)] = "h" + levels[h];
        }
        for (int heading : headings) {
            if (attribute(heading, "id") == null || attribute(heading, "id").isEmpty()) {
                setAttribute(heading, "id", BodyProcessor.headingId(text(heading), ids));
            }
        }

        for (int img : images) {
            String title = attribute(img, "title");
            int p = parentOf[img];
            if (title != null && p >= 0 && values[p].equals("p") && onlyChild(p, img)) {
                figure[p] = true;
                caption[img] = title;
                removeAttribute(img, "title");
            }
        }

        for (int a : anchors) {
            setAttribute(a, "href", settings.underBasePath(attribute(a, "href")));
        }
        for (int img : images) {
            String src = attribute(img, "src");
            if (src != null) {
                setAttribute(img, "src", settings.underBasePath(src));
            }
        }
        boolean first = true;
        for (int img : images) {
            String src = attribute(img, "src");
            settings.imageAttributes(src != null ? src : "", attribute(img, "width") != null
                    || attribute(img, "height") != null, attribute(img, "srcset") != null,
                    first && eagerFirstImage, (name, value) -> setAttribute(img, name, value));
            first = false;
        }

        List<String> links = new ArrayList<>();
        for (int a : anchors) {
            String target = BodyProcessor.linkTarget(attribute(a, "href"), articleLinks, broken);
            if (target == null) {
                removeAttribute(a, "href");
            } else {
                setAttribute(a, "href", target);
                links.add(target);
            }
        }
        for (int t : urlTexts) {
            List<BareUrls.Found> found = BareUrls.find(values[t]);
            if (!found.isEmpty()) {
                if (urls == null) {
                    @SuppressWarnings("unchecked")
                    List<BareUrls.Found>[] made = new List[n];
                    urls = made;
                }
                urls[t] = found;
                found.forEach(url -> links.add(url.href()));
            }
        }

        String summary = BodyProcessor.leadParagraphs(new Iterator<>() {
            private int next = nextParagraph(0);

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public String next() {
                if (next >= n) {
                    throw new NoSuchElementException();
                }
                String text = text(next);
                next = nextParagraph(endOf[next] + 1);
                return text;
            }
        });
        return new RenderedBody(html(), summary, words.words, links, words.tokens.distinct());
    }

    /** The first top-level paragraph (not made a figure) at or after {@code from}; the size when none. */
    private int nextParagraph(int from) {
        for (int i = from; i < size; i++) {
            if (kinds[i] == START) {
                if (values[i].equals("p") && !figure[i]) {
                    return i;
                }
                i = endOf[i];
            }
        }
        return size;
    }

    /** Whether the image is the paragraph's only element and the paragraph's own text is blank. */
    private boolean onlyChild(int p, int img) {
        StringBuilder own = new StringBuilder();
        for (int i = p + 1; i < endOf[p]; i++) {
            if (kinds[i] == START) {
                if (i != img) {
                    return false;
                }
                i = endOf[i];
            } else if (kinds[i] == TEXT) {
                StringUtil.appendNormalisedWhitespace(own, values[i], endsWithSpace(own));
            }
        }
        return own.toString().trim().isBlank();
    }

    /**
     * The text of an element as jsoup's {@code Element.text()} gives it for news copy: whitespace collapsed, a
     * space for a line break and after an image that text follows, trimmed.
     */
    private String text(int element) {
        StringBuilder text = new StringBuilder();
        int end = endOf[element];
        for (int i = element + 1; i < end; i++) {
            if (kinds[i] == TEXT) {
                StringUtil.appendNormalisedWhitespace(text, values[i], endsWithSpace(text));
            } else if (kinds[i] == START) {
                if (text.length() > 0 && (BLOCK.contains(values[i]) || values[i].equals("br")) && !endsWithSpace(text)) {
                    text.append(' ');
                }
            } else {
                String tag = values[startOf[i]];
                boolean separates = tag.equals("img") || !INLINE.contains(tag);
                if (separates && i + 1 < end && (kinds[i + 1] == TEXT || kinds[i + 1] == START
                        && INLINE.contains(values[i + 1])) && !endsWithSpace(text)) {
                    text.append(' ');
                }
            }
        }
        return text.toString().trim();
    }

    private static boolean endsWithSpace(StringBuilder text) {
        return text.length() > 0 && text.charAt(text.length() - 1) == ' ';
    }

    /** The body's HTML, written as jsoup writes the same tree (as {@link BodyHtml} does). */
    private String html() {
        StringBuilder out = new StringBuilder(4096);
        for (int i = 0; i < size; i++) {
            switch (kinds[i]) {
                case START -> {
                    String tag = figure[i] ? "figure" : values[i];
                    out.append('<').append(tag);
                    if (!figure[i]) {
                        String[] attrs = attributes[i];
                        for (int a = 0; a < attrs.length; a += 2) {
                            out.append(' ').append(attrs[a]).append("=\"");
                            BodyHtml.escape(attrs[a + 1], true, out);
                            out.append('"');
                        }
                    }
                    out.append('>');
                    if (caption[i] != null) {
                        out.append("<figcaption>");
                        BodyHtml.escape(caption[i], false, out);
                        out.append("</figcaption>");
                    }
                }
                case END -> {
                    String tag = figure[startOf[i]] ? "figure" : values[startOf[i]];
                    if (!VOID.contains(tag)) {
                        out.append("</").append(tag).append('>');
                    }
                }
                default -> {
                    if (parentOf[i] >= 0 && figure[parentOf[i]]) {
                        continue; // the blank text around a figure's image: jsoup's figure holds only the image
                    }
                    writeText(i, out);
                }
            }
        }
        return out.toString();
    }

    private void writeText(int i, StringBuilder out) {
        String text = values[i];
        List<BareUrls.Found> found = urls == null ? null : urls[i];
        if (found == null) {
            BodyHtml.escape(text, false, out);
            return;
        }
        int from = 0;
        for (BareUrls.Found url : found) {
            BodyHtml.escape(text.substring(from, url.start()), false, out);
            out.append("<a href=\"");
            BodyHtml.escape(url.href(), true, out);
            out.append("\">");
            BodyHtml.escape(text.substring(url.start(), url.end()), false, out);
            out.append("</a>");
            from = url.end();
        }
        BodyHtml.escape(text.substring(from), false, out);
    }

    private String attribute(int element, String name) {
        String[] attrs = attributes[element];
        for (int a = 0; a < attrs.length; a += 2) {
            if (attrs[a].equals(name)) {
                return attrs[a + 1];
            }
        }
        return null;
    }

    /** Sets an attribute where it is, or adds it last (as jsoup does). */
    private void setAttribute(int element, String name, String value) {
        String[] attrs = attributes[element];
        for (int a = 0; a < attrs.length; a += 2) {
            if (attrs[a].equals(name)) {
                if (!attrs[a + 1].equals(value)) {
                    attrs = attrs.clone();
                    attrs[a + 1] = value;
                    attributes[element] = attrs;
                }
                return;
            }
        }
        attrs = Arrays.copyOf(attrs, attrs.length + 2);
        attrs[attrs.length - 2] = name;
        attrs[attrs.length - 1] = value;
        attributes[element] = attrs;
    }

    private void removeAttribute(int element, String name) {
        String[] attrs = attributes[element];
        for (int a = 0; a < attrs.length; a += 2) {
            if (attrs[a].equals(name)) {
                String[] fewer = new String[attrs.length - 2];
                System.arraycopy(attrs, 0, fewer, 0, a);
                System.arraycopy(attrs, a + 2, fewer, a, attrs.length - a - 2);
                attributes[element] = fewer;
                return;
            }
        }
    }
}
