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
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
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
        StringBuilder out = new StringBuilder(document.getChars().length() + document.getChars().length() / 4 + 64);
        children(document, out);
        return out.toString();
    }

    private static boolean handles(Node node) {
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

    private void children(Node parent, StringBuilder out) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            node(child, out);
        }
    }

    private void node(Node node, StringBuilder out) {
        if (node instanceof Text) {
            String text = unescape(node.getChars());
            text(text.indexOf('\r') < 0 ? text : Escaping.normalizeEOL(text), out);
        } else if (node instanceof SoftLineBreak) {
            out.append('\n');
        } else if (node instanceof Paragraph paragraph) {
            paragraph(paragraph, out);
        } else if (node instanceof Emphasis) {
            out.append("<em>");
            children(node, out);
            out.append("</em>");
        } else if (node instanceof StrongEmphasis) {
            out.append("<strong>");
            children(node, out);
            out.append("</strong>");
        } else if (node instanceof Link link) {
            out.append("<a href=\"");
            text(link.getUrl().unescape(), out);
            out.append('"');
            if (link.getTitle().isNotNull()) {
                out.append(" title=\"");
                text(link.getTitle().unescape(), out);
                out.append('"');
            }
            out.append('>');
            children(node, out);
            out.append("</a>");
        } else if (node instanceof TypographicSmarts smarts) {
            out.append(smarts.getTypographicText());
        } else if (node instanceof TypographicQuotes quotes) {
            if (quotes.getTypographicOpening() != null) {
                out.append(quotes.getTypographicOpening());
            }
            children(node, out);
            if (quotes.getTypographicClosing() != null) {
                out.append(quotes.getTypographicClosing());
            }
        } else if (node instanceof Heading heading) {
            line(out);
            out.append("<h").append(heading.getLevel()).append('>');
            children(node, out);
            out.append("</h").append(heading.getLevel()).append(">\n");
        } else if (node instanceof ListItem item) {
            line(out);
            out.append("<li>");
            text(item.getMarkerSuffix().unescape(), out);
            children(node, out);
            out.append("</li>\n");
        } else if (node instanceof BulletList) {
            line(out);
            out.append("<ul>\n");
            children(node, out);
            line(out);
            out.append("</ul>\n");
        } else if (node instanceof OrderedList list) {
            line(out);
            out.append("<ol");
            if (listOptions.isOrderedListManualStart() && list.getStartNumber() != 1) {
                out.append(" start=\"").append(list.getStartNumber()).append('"');
            }
            out.append(">\n");
            children(node, out);
            line(out);
            out.append("</ol>\n");
        } else if (node instanceof BlockQuote) {
            line(out);
            out.append("<blockquote>\n");
            children(node, out);
            line(out);
            out.append("</blockquote>\n");
        } else if (node instanceof Image image) {
            out.append("<img src=\"");
            text(image.getUrl().unescape(), out);
            out.append("\" alt=\"");
            text(new TextCollectingVisitor().collectAndGetText(image), out);
            out.append('"');
            if (image.getTitle().isNotNull()) {
                out.append(" title=\"");
                text(image.getTitle().unescape(), out);
                out.append('"');
            }
            out.append(" />");
        } else if (node instanceof Code code) {
            out.append("<code>");
            text(Escaping.collapseWhitespace(code.getText(), true), out);
            out.append("</code>");
        } else if (node instanceof Strikethrough) {
            out.append("<del>");
            children(node, out);
            out.append("</del>");
        } else if (node instanceof HardLineBreak) {
            out.append("<br />\n");
        } else if (node instanceof HtmlEntity) {
            text(node.getChars().unescape(), out);
        } else if (node instanceof ThematicBreak) {
            line(out);
            out.append("<hr />\n");
        } else {
            // Document and TextBase: their children only
            children(node, out);
        }
    }

    private void paragraph(Paragraph paragraph, StringBuilder out) {
        if (paragraph.getFirstChildAnyNot(NonRenderingInline.class) == null) {
            return;
        }
        if (paragraph.getParent() instanceof ParagraphItemContainer container
                && container.isParagraphWrappingDisabled(paragraph, listOptions, options)) {
            children(paragraph, out);
            return;
        }
        line(out);
        out.append("<p>");
        children(paragraph, out);
        out.append("</p>\n");
    }

    /** Starts a new line unless the output is at the start of one. */
    private static void line(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** The text of a node with backslash escapes and entities resolved; most text has neither. */
    private static String unescape(BasedSequence chars) {
        String text = string(chars);
        return text.indexOf('\\') < 0 && text.indexOf('&') < 0 ? text : chars.unescape();
    }

    /**
     * The characters of a sequence as a string: cut from the document's text when the sequence is a plain slice
     * of it, which copies them at once instead of one virtual call per character.
     */
    private static String string(BasedSequence chars) {
        if (chars instanceof SubSequence slice && slice.getBase() instanceof String base
                && slice.getEndOffset() - slice.getStartOffset() == slice.length()) {
            return base.substring(slice.getStartOffset(), slice.getEndOffset());
        }
        return chars.toString();
    }

    /** Text escaped for HTML, as Flexmark escapes it: {@code & < > "}. Runs without those are copied whole. */
    private static void text(String text, StringBuilder out) {
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
}
