package dev.gazette.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * HTML for the Markdown that news copy is made of (paragraphs, headings, emphasis, links, images, quotes, lists,
 * rules, inline code, typographic quotes and dashes), written straight into one buffer. It gives the same bytes as
 * Flexmark's {@code HtmlRenderer} with the options of {@link MarkdownRenderer} (a test compares the two on every
 * kind of node it handles), in a fraction of the time: Flexmark's renderer keeps track of lines, prefixes and
 * indentation for every piece of text it appends, which made rendering cost more than parsing. A document with
 * any other node (tables, footnotes, code blocks, raw HTML, reference links) is left to Flexmark's renderer.
 */
final class NewsHtml {

    private static final Set<Class<?>> HANDLED = Set.of(Document.class, Paragraph.class, Heading.class, Text.class,
            TextBase.class, Emphasis.class, StrongEmphasis.class, Strikethrough.class, SoftLineBreak.class,
            HardLineBreak.class, Link.class, Image.class, Code.class, HtmlEntity.class, BlockQuote.class,
            BulletList.class, OrderedList.class, BulletListItem.class, OrderedListItem.class, ThematicBreak.class,
            TypographicQuotes.class, TypographicSmarts.class);

    private final DataHolder options;
    private final ListOptions listOptions;

    NewsHtml(DataHolder options) {
        this.options = options;
        this.listOptions = ListOptions.get(options);
    }

    /** @return the HTML of the document, or null when it has a node this renderer leaves to Flexmark's */
    String render(Document document) {
        if (!handles(document)) {
            return null;
        }
        HtmlText out = new HtmlText(document.getChars().length() + document.getChars().length() / 4 + 64);
        emit(document, out);
        return out.toString();
    }

    /** Whether this renderer writes every node of the document (else Flexmark's renderer must). */
    static boolean handles(Node node) {
        if (!HANDLED.contains(node.getClass())
                || node instanceof Image image && !image.getUrlContent().isEmpty()) {
            return false;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (!handles(child)) {
                return false;
            }
        }
        return true;
    }

    /** Sends a document this renderer {@link #handles} to a sink, as the elements and text of its HTML. */
    void emit(Document document, HtmlSink sink) {
        new Emitter(sink).children(document);
    }

    /**
     * One document's walk. It follows where the output is at the start of a line, as Flexmark's renderer does
     * with its line breaks between blocks.
     */
    private final class Emitter {
        private final HtmlSink out;
        private boolean atLineStart = true;

        Emitter(HtmlSink out) {
            this.out = out;
        }

        private void children(Node parent) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                node(child);
            }
        }

        private void text(String text) {
            if (!text.isEmpty()) {
                out.text(text);
                atLineStart = text.charAt(text.length() - 1) == '\n';
            }
        }

        private void entity(String reference) {
            if (!reference.isEmpty()) {
                out.entity(reference);
                atLineStart = false;
            }
        }

        private void start(String tag, String... attributes) {
            out.start(tag, attributes);
            atLineStart = false;
        }

        private void end() {
            out.end();
            atLineStart = false;
        }

        /** Starts a new line unless the output is at the start of one. */
        private void line() {
            if (!atLineStart) {
                text("\n");
            }
        }

        private void node(Node node) {
            if (node instanceof Text) {
                String text = unescape(node.getChars());
                text(text.indexOf('\r') < 0 ? text : Escaping.normalizeEOL(text));
            } else if (node instanceof SoftLineBreak) {
                text("\n");
            } else if (node instanceof Paragraph paragraph) {
                paragraph(paragraph);
            } else if (node instanceof Emphasis) {
                element("em", node);
            } else if (node instanceof StrongEmphasis) {
                element("strong", node);
            } else if (node instanceof Link link) {
                String href = link.getUrl().unescape();
                if (link.getTitle().isNotNull()) {
                    start("a", "href", href, "title", link.getTitle().unescape());
                } else {
                    start("a", "href", href);
                }
                children(node);
                end();
            } else if (node instanceof TypographicSmarts smarts) {
                entity(smarts.getTypographicText());
            } else if (node instanceof TypographicQuotes quotes) {
                if (quotes.getTypographicOpening() != null) {
                    entity(quotes.getTypographicOpening());
                }
                children(node);
                if (quotes.getTypographicClosing() != null) {
                    entity(quotes.getTypographicClosing());
                }
            } else if (node instanceof Heading heading) {
                line();
                element(HEADINGS[heading.getLevel()], node);
                text("\n");
            } else if (node instanceof ListItem item) {
                line();
                start("li");
                text(item.getMarkerSuffix().unescape());
                children(node);
                end();
                text("\n");
            } else if (node instanceof BulletList) {
                block("ul", node);
            } else if (node instanceof OrderedList list) {
                if (listOptions.isOrderedListManualStart() && list.getStartNumber() != 1) {
                    block("ol", node, "start", String.valueOf(list.getStartNumber()));
                } else {
                    block("ol", node);
                }
            } else if (node instanceof BlockQuote) {
                block("blockquote", node);
            } else if (node instanceof Image image) {
                String src = image.getUrl().unescape();
                String alt = new TextCollectingVisitor().collectAndGetText(image);
                if (image.getTitle().isNotNull()) {
                    start("img", "src", src, "alt", alt, "title", image.getTitle().unescape());
                } else {
                    start("img", "src", src, "alt", alt);
                }
                end();
            } else if (node instanceof Code code) {
                start("code");
                text(Escaping.collapseWhitespace(code.getText(), true));
                end();
            } else if (node instanceof Strikethrough) {
                element("del", node);
            } else if (node instanceof HardLineBreak) {
                start("br");
                end();
                text("\n");
            } else if (node instanceof HtmlEntity) {
                text(node.getChars().unescape());
            } else if (node instanceof ThematicBreak) {
                line();
                start("hr");
                end();
                text("\n");
            } else {
                // Document and TextBase: their children only
                children(node);
            }
        }

        private void element(String tag, Node node) {
            start(tag);
            children(node);
            end();
        }

        /** A list or quote: its start and end tags on lines of their own. */
        private void block(String tag, Node node, String... attributes) {
            line();
            start(tag, attributes);
            text("\n");
            children(node);
            line();
            end();
            text("\n");
        }

        private void paragraph(Paragraph paragraph) {
            if (paragraph.getFirstChildAnyNot(NonRenderingInline.class) == null) {
                return;
            }
            if (paragraph.getParent() instanceof ParagraphItemContainer container
                    && container.isParagraphWrappingDisabled(paragraph, listOptions, options)) {
                children(paragraph);
                return;
            }
            line();
            element("p", paragraph);
            text("\n");
        }
    }

    private static final String[] HEADINGS = {"h0", "h1", "h2", "h3", "h4", "h5", "h6"};

    /** The text of a node with backslash escapes and entities resolved; most text has neither. */
    private static String unescape(BasedSequence chars) {
        String text = string(chars);
        return text.indexOf('\\') < 0 && text.indexOf('&') < 0 ? text : chars.unescape();
    }

    /**
     * The characters of a sequence as a string: cut from the array of characters the parser reads when the
     * sequence is a plain slice of it, which copies them at once instead of one virtual call per character.
     */
    private static String string(BasedSequence chars) {
        if (chars instanceof CharSubSequence slice) {
            return new String(slice.getBase(), slice.getStartOffset(), slice.length());
        }
        return chars.toString();
    }

    /**
     * The sink that writes HTML text as Flexmark's renderer does: void elements closed with " /", text and
     * attribute values escaped ({@code & < > "}; runs without those copied whole).
     */
    private static final class HtmlText implements HtmlSink {
        private final StringBuilder out;
        private String[] open = new String[16];
        private int depth;

        HtmlText(int capacity) {
            out = new StringBuilder(capacity);
        }

        @Override
        public void start(String tag, String... attributes) {
            out.append('<').append(tag);
            for (int i = 0; i < attributes.length; i += 2) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1]);
                out.append('"');
            }
            boolean isVoid = tag.equals("img") || tag.equals("br") || tag.equals("hr");
            out.append(isVoid ? " />" : ">");
            if (depth == open.length) {
                open = java.util.Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = isVoid ? null : tag;
        }

        @Override
        public void end() {
            String tag = open[--depth];
            if (tag != null) {
                out.append("</").append(tag).append('>');
            }
        }

        @Override
        public void text(String text) {
            escape(text);
        }

        @Override
        public void entity(String reference) {
            out.append(reference);
        }

        private void escape(String text) {
            int run = 0;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                String entity = switch (c) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '"' -> "&quot;";
                    default -> null;
                };
                if (entity != null) {
                    out.append(text, run, i).append(entity);
                    run = i + 1;
                }
            }
            out.append(text, run, text.length());
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
