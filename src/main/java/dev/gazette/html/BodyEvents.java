package dev.gazette.html;

import dev.gazette.markdown.HtmlSink;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * A body as Markdown sends it, kept as a flat list of events (an element starts, an element ends, a run of text)
 * instead of a tree: each event has an index, and once {@link #close closed} each element knows where it ends and
 * each event its parent. Element text comes out as jsoup's {@code Element.text()} gives it, by jsoup's own rules
 * for which elements are blocks and how whitespace collapses.
 */
final class BodyEvents implements HtmlSink {

    /** The elements news copy is made of: those the Markdown renderer sends for it. */
    private static final Set<String> NEWS_COPY = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong",
            "a", "img", "code", "del", "br", "hr", "blockquote", "ul", "ol", "li");
    /** How jsoup classes them, which decides where words and text runs end. */
    private static final Set<String> BLOCK = new HashSet<>();
    private static final Set<String> INLINE = new HashSet<>();

    static {
        for (String tag : NEWS_COPY) {
            Tag known = Tag.valueOf(tag);
            if (known.isBlock()) {
                BLOCK.add(tag);
            }
            if (known.isInline()) {
                INLINE.add(tag);
            }
        }
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
    private boolean newsCopy = true;
    /** Once closed: the matching END of each START and START of each END, and each event's parent (-1 at the top). */
    private int[] endOf;
    private int[] startOf;
    private int[] parentOf;

    @Override
    public void start(String tag, String... attributes) {
        flush();
        newsCopy &= NEWS_COPY.contains(tag);
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

    /**
     * Ends the last run of text and indexes where each element ends and what each event is in.
     *
     * @return whether the body has only the elements of news copy
     */
    boolean close() {
        flush();
        endOf = new int[size];
        startOf = new int[size];
        parentOf = new int[size];
        int[] open = new int[16];
        int depth = 0;
        for (int i = 0; i < size; i++) {
            if (kinds[i] == END) {
                int start = open[--depth];
                endOf[start] = i;
                startOf[i] = start;
            }
            parentOf[i] = depth > 0 ? open[depth - 1] : -1;
            if (kinds[i] == START) {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = i;
            }
        }
        return newsCopy;
    }

    /**
     * The events as jsoup nodes under an element: the tree jsoup's parser makes of the same HTML (one text node per
     * run of text, elements and attributes in their order), for a body that is not only news copy.
     */
    void appendTo(Element root) {
        Element current = root;
        for (int i = 0; i < size; i++) {
            switch (kinds[i]) {
                case START -> {
                    Element element = new Element(values[i]);
                    String[] attrs = attributes[i];
                    for (int a = 0; a < attrs.length; a += 2) {
                        element.attr(attrs[a], attrs[a + 1]);
                    }
                    current.appendChild(element);
                    current = element;
                }
                case END -> current = current.parent();
                default -> current.appendChild(new TextNode(values[i]));
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

    int size() {
        return size;
    }

    boolean isStart(int i) {
        return kinds[i] == START;
    }

    boolean isEnd(int i) {
        return kinds[i] == END;
    }

    boolean isText(int i) {
        return kinds[i] == TEXT;
    }

    /** The tag of the element an event starts or ends. */
    String tag(int i) {
        return kinds[i] == END ? values[startOf[i]] : values[i];
    }

    void retag(int start, String tag) {
        values[start] = tag;
    }

    String text(int i) {
        return values[i];
    }

    void setText(int i, String text) {
        values[i] = text;
    }

    static boolean isBlock(String tag) {
        return BLOCK.contains(tag);
    }

    /** The END of an element, by its START. */
    int endOf(int start) {
        return endOf[start];
    }

    /** The START of an element, by its END. */
    int startOf(int end) {
        return startOf[end];
    }

    /** The START of the element an event is in, or -1 at the top. */
    int parentOf(int i) {
        return parentOf[i];
    }

    String[] attributes(int start) {
        return attributes[start];
    }

    /** An attribute's value, or null when the element has none of that name. */
    String attribute(int start, String name) {
        String[] attrs = attributes[start];
        for (int a = 0; a < attrs.length; a += 2) {
            if (attrs[a].equals(name)) {
                return attrs[a + 1];
            }
        }
        return null;
    }

    /** Sets an attribute where it is, or adds it last (as jsoup does). */
    void setAttribute(int start, String name, String value) {
        String[] attrs = attributes[start];
        for (int a = 0; a < attrs.length; a += 2) {
            if (attrs[a].equals(name)) {
                if (!attrs[a + 1].equals(value)) {
                    attrs = attrs.clone();
                    attrs[a + 1] = value;
                    attributes[start] = attrs;
                }
                return;
            }
        }
        attrs = Arrays.copyOf(attrs, attrs.length + 2);
        attrs[attrs.length - 2] = name;
        attrs[attrs.length - 1] = value;
        attributes[start] = attrs;
    }

    void removeAttribute(int start, String name) {
        String[] attrs = attributes[start];
        for (int a = 0; a < attrs.length; a += 2) {
            if (attrs[a].equals(name)) {
                String[] fewer = new String[attrs.length - 2];
                System.arraycopy(attrs, 0, fewer, 0, a);
                System.arraycopy(attrs, a + 2, fewer, a, attrs.length - a - 2);
                attributes[start] = fewer;
                return;
            }
        }
    }

    /**
     * The text of an element of news copy as jsoup's {@code Element.text()} gives it: whitespace collapsed, a
     * space for a line break and after an image that text follows, trimmed.
     */
    String elementText(int start) {
        StringBuilder text = new StringBuilder();
        int end = endOf[start];
        for (int i = start + 1; i < end; i++) {
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

    /**
     * Whether an element's only element child is the given one and its own text is blank, as jsoup's
     * {@code childrenSize() == 1} and {@code ownText().isBlank()} tell.
     */
    boolean onlyChild(int parent, int child) {
        StringBuilder own = new StringBuilder();
        for (int i = parent + 1; i < endOf[parent]; i++) {
            if (kinds[i] == START) {
                if (i != child) {
                    return false;
                }
                i = endOf[i];
            } else if (kinds[i] == TEXT) {
                StringUtil.appendNormalisedWhitespace(own, values[i], endsWithSpace(own));
            }
        }
        return own.toString().trim().isBlank();
    }

    private static boolean endsWithSpace(StringBuilder text) {
        return text.length() > 0 && text.charAt(text.length() - 1) == ' ';
    }
}
