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
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import java.util.List;

/**
 * CommonMark plus tables, footnotes, strikethrough and typographic quotes. Flexmark's parser and renderer are
 * immutable once built, so one instance serves every thread. Heading ids, figures, bare-URL links and link
 * rewriting happen afterwards, on the HTML, in one pass (Flexmark's autolink extension scanned every text
 * node with regular expressions and took a third of the Markdown time on news copy).
 */
public final class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final NewsHtml newsHtml;

    public MarkdownRenderer() {
        MutableDataSet options = options(ALL);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.newsHtml = new NewsHtml(options);
        this.parsers.set(ALL, parser);
    }

    /** Extensions a text may need, as bits: tables need a '|', footnotes "[^", strikethrough "~~". */
    private static final int TABLES = 1;
    private static final int FOOTNOTES = 2;
    private static final int STRIKETHROUGH = 4;
    private static final int ALL = TABLES | FOOTNOTES | STRIKETHROUGH;

    /**
     * A parser per set of extensions, made on first use: a text without a '|' cannot hold a table, and the
     * table extension's paragraph pre-processor (a regular expression over every paragraph) and the parser
     * set-up of unused extensions were a tenth of the Markdown time on news copy. The HTML is the same.
     */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Parser> parsers =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(ALL + 1);

    private Parser parserFor(String markdown) {
        int needs = (markdown.indexOf('|') >= 0 ? TABLES : 0) | (markdown.contains("[^") ? FOOTNOTES : 0)
                | (markdown.contains("~~") ? STRIKETHROUGH : 0);
        Parser found = parsers.get(needs);
        if (found == null) {
            found = Parser.builder(options(needs)).build();
            parsers.compareAndSet(needs, null, found);
        }
        return found;
    }

    private static MutableDataSet options(int extensions) {
        MutableDataSet options = new MutableDataSet();
        List<com.vladsch.flexmark.util.misc.Extension> used = new java.util.ArrayList<>();
        if ((extensions & TABLES) != 0) {
            used.add(TablesExtension.create());
        }
        if ((extensions & FOOTNOTES) != 0) {
            used.add(FootnoteExtension.create());
        }
        if ((extensions & STRIKETHROUGH) != 0) {
            used.add(StrikethroughExtension.create());
        }
        used.add(TypographicExtension.create());
        options.set(Parser.EXTENSIONS, used);
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        return options;
    }

    /** HTML of a Markdown text; raw HTML in it passes through, flagged for the html package to sanitize. */
    public RenderedMarkdown render(String markdown) {
        Document document = parse(parserFor(markdown), markdown);
        if (NewsHtml.handles(document)) {
            return new RenderedMarkdown(sink -> newsHtml.emit(document, sink), () -> newsHtml.render(document));
        }
        return new RenderedMarkdown(renderer.render(document), hasRawHtml(document));
    }

    /** The HTML of Flexmark's own renderer, which {@link NewsHtml} must match (for tests). */
    String renderWithFlexmark(String markdown) {
        return renderer.render(parse(parser, markdown));
    }

    /** The HTML of {@link NewsHtml}, or null when it leaves the document to Flexmark's renderer (for tests). */
    String renderWithNewsHtml(String markdown) {
        return newsHtml.render(parse(parser, markdown));
    }

    /**
     * The parser reads the text from an array of characters: it reads character by character through interface
     * calls, and a String behind them (a check of its encoding and bounds on every read) made parsing a quarter
     * slower. {@link NewsHtml} cuts its text from that array.
     */
    private static Document parse(Parser parser, String markdown) {
        return parser.parse(CharSubSequence.of(markdown));
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
