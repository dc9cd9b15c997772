package dev.gazette.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * CommonMark plus tables, footnotes, strikethrough, autolinks and typographic quotes. Flexmark's parser and
 * renderer are immutable once built, so one instance serves every thread. Heading ids, figures and link
 * rewriting happen afterwards, on the HTML.
 */
public final class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                FootnoteExtension.create(),
                StrikethroughExtension.create(),
                AutolinkExtension.create(),
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
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /** HTML of a Markdown text; raw HTML in it passes through (the html package sanitizes it). */
    public String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
