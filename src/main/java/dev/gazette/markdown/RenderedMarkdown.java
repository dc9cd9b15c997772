package dev.gazette.markdown;

import static java.util.Objects.requireNonNull;

/**
 * HTML rendered from Markdown.
 *
 * @param containsRawHtml whether the Markdown had HTML of its own (blocks or inline tags), which must be
 *     sanitized; HTML that Flexmark generates from Markdown syntax is safe as it is
 */
public record RenderedMarkdown(String html, boolean containsRawHtml) {

    public RenderedMarkdown {
        requireNonNull(html, "html is null");
    }
}
