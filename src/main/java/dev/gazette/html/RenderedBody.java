package dev.gazette.html;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An article body ready for its page.
 *
 * @param html the body's HTML
 * @param summary plain-text summary: the text before {@code <!--more-->}, else the first paragraphs up to about
 *     {@value BodyProcessor#SUMMARY_WORDS} words
 * @param wordCount words in the body's text
 * @param links every link target in the body, after rewriting
 * @param terms every distinct word of the body (lower case, accents removed, at least three letters, not digits
 *     only), separated by single spaces, in no particular order: one string per article, not hundreds (a
 *     10,000-article site would hold millions of small strings until the search index is written)
 */
public record RenderedBody(String html, String summary, int wordCount, List<String> links, String terms) {

    public RenderedBody {
        requireNonNull(html, "html is null");
        requireNonNull(summary, "summary is null");
        links = List.copyOf(links);
        requireNonNull(terms, "terms is null");
    }
}
