package dev.gazette.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * CommonMark plus tables, footnotes, strikethrough and typographic quotes. Flexmark's parser and renderer are
 * immutable once built, so one instance serves every thread. Heading ids, figures, bare-URL links and link
 * rewriting happen afterwards, on the HTML, in one pass (Flexmark's autolink extension scanned every text
 * node with regular expressions and took a third of the Markdown time on news copy).
 */
public final class MarkdownRenderer {

    private final Parser parser;
    /**
     * The same parser without the fenced-code block parser, the list parser or both, by {@link #FENCES} and
     * {@link #LISTS} bits, for texts in which they could start nothing (see {@link #parse}); [0] is the full one.
     */
    private final Parser[] parsers = new Parser[4];
    private final HtmlRenderer renderer;
    private final NewsHtml newsHtml;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                FootnoteExtension.create(),
                StrikethroughExtension.create(),
                TypographicExtension.create()));
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        this.parser = Parser.builder(options).build();
        parsers[0] = parser;
        for (int without = 1; without < parsers.length; without++) {
            MutableDataSet lean = new MutableDataSet(options);
            lean.set(Parser.FENCED_CODE_BLOCK_PARSER, (without & FENCES) == 0);
            lean.set(Parser.LIST_BLOCK_PARSER, (without & LISTS) == 0);
            parsers[without] = Parser.builder(lean).build();
        }
        this.renderer = HtmlRenderer.builder(options).build();
        this.newsHtml = new NewsHtml(options);
    }

    /** HTML of a Markdown text; raw HTML in it passes through, flagged for the html package to sanitize. */
    public RenderedMarkdown render(String markdown) {
        Document document = parse(markdown);
        if (NewsHtml.handles(document)) {
            return new RenderedMarkdown(sink -> newsHtml.emit(document, sink), () -> newsHtml.render(document));
        }
        return new RenderedMarkdown(renderer.render(document), hasRawHtml(document));
    }

    /**
     * Flexmark tries every block parser at the start of every line, and the fenced-code and list parsers do it with
     * a regular expression run over the rest of the line: with news copy's paragraph-long lines, 12% of a clean
     * build's samples (docs/performance.md). A text in which no line could open a fence, or a list (after spaces
     * and block quote markers, see {@link #opens}), is parsed without that block parser, which could match nothing
     * in it. Fences are rare in news copy; lists less so. Tested against the full parser on every sample, on the
     * 10,000 articles of the benchmark corpus and on texts built to trip it.
     */
    Document parse(String markdown) {
        return parsers[unopened(markdown)].parse(markdown);
    }

    static final int FENCES = 1;
    static final int LISTS = 2;

    /** Whether some line could open a fence or a list (for tests). */
    static boolean mayOpenFenceOrList(CharSequence text) {
        return unopened(text) != (FENCES | LISTS);
    }

    /** {@link #FENCES} and {@link #LISTS} bits: what no line of the text could open. */
    static int unopened(CharSequence text) {
        int unopened = FENCES | LISTS;
        int n = text.length();
        int i = 0;
        while (i < n && unopened != 0) {
            char c = text.charAt(i);
            while (c == ' ' || c == '\t' || c == '>') {
                if (++i == n) {
                    return unopened;
                }
                c = text.charAt(i);
            }
            unopened &= ~opens(text, i, c);
            while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            i++; // past the line break
        }
        return unopened;
    }

    /**
     * What a line's content from {@code i} (first character {@code c}) could start, to Flexmark: a fence (three
     * backticks or tildes), a list (a bullet, {@code -}, {@code *} or {@code +}, then a space, a tab or the line's
     * end; up to nine digits, {@code .} or {@code )}, then the same), or either (a footnote, whose text may start
     * on its first line).
     */
    private static int opens(CharSequence text, int i, char c) {
        int n = text.length();
        if (c == '`' || c == '~') {
            return i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c ? FENCES : 0;
        }
        if (c == '-' || c == '*' || c == '+') {
            return endsMarker(text, i + 1) ? LISTS : 0;
        }
        if (c >= '0' && c <= '9') {
            int j = i;
            while (j < n && j - i < 10 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
            return j - i <= 9 && j < n && (text.charAt(j) == '.' || text.charAt(j) == ')') && endsMarker(text, j + 1)
                    ? LISTS : 0;
        }
        return c == '[' && i + 1 < n && text.charAt(i + 1) == '^' ? FENCES | LISTS : 0;
    }

    /** A list marker ends in a space, a tab or the line's end. */
    private static boolean endsMarker(CharSequence text, int j) {
        if (j >= text.length()) {
            return true;
        }
        char next = text.charAt(j);
        return next == ' ' || next == '\t' || next == '\n' || next == '\r';
    }

    /** The HTML of Flexmark's own renderer with the full parser, which {@link NewsHtml} must match (for tests). */
    String renderWithFlexmark(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** Flexmark's HTML of what {@link #parse} makes of a text (which must be the full parser's, for tests). */
    String renderWithFlexmarkAfterShortcut(String markdown) {
        return renderer.render(parse(markdown));
    }

    /** The HTML of {@link NewsHtml}, or null when it leaves the document to Flexmark's renderer (for tests). */
    String renderWithNewsHtml(String markdown) {
        return newsHtml.render(parse(markdown));
    }

    private static boolean hasRawHtml(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlBlock || child instanceof HtmlInline || child instanceof HtmlCommentBlock
                    || child instanceof HtmlInlineComment || hasRawHtml(child)) {
                return true;
            }
        }
        return false;
    }
}
