package dev.gazette.markdown;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * HTML rendered from Markdown: as text, or (for news copy, which {@link NewsHtml} renders) as a tree that can be
 * sent to an {@link HtmlSink}, so the html package builds its document without parsing the text again.
 */
public final class RenderedMarkdown {

    private final boolean containsRawHtml;
    private final Consumer<HtmlSink> tree;
    private final Supplier<String> text;
    private String html;

    /**
     * @param containsRawHtml whether the Markdown had HTML of its own (blocks or inline tags), which must be
     *     sanitized; HTML that Flexmark generates from Markdown syntax is safe as it is
     */
    public RenderedMarkdown(String html, boolean containsRawHtml) {
        this.html = requireNonNull(html, "html is null");
        this.containsRawHtml = containsRawHtml;
        this.tree = null;
        this.text = null;
    }

    /** HTML given as a tree (never with raw HTML of its own); its text is written only if asked for. */
    RenderedMarkdown(Consumer<HtmlSink> tree, Supplier<String> text) {
        this.tree = tree;
        this.text = text;
        this.containsRawHtml = false;
    }

    /** The HTML as text. */
    public String html() {
        if (html == null) {
            html = text.get();
        }
        return html;
    }

    public boolean containsRawHtml() {
        return containsRawHtml;
    }

    /**
     * Sends the HTML to the sink as elements and text, when it was rendered as a tree.
     *
     * @return false when there is only the text (the caller parses it)
     */
    public boolean sendTo(HtmlSink sink) {
        if (tree == null) {
            return false;
        }
        tree.accept(sink);
        return true;
    }
}
