package dev.gazette.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What raw scraped text yields once its parts are told apart.
 *
 * @param title the first non-empty line
 * @param source the outlet named on a short line after the title ("CNN"), or null
 * @param authors names from a byline ("By Jane Doe and John Roe"), possibly none
 * @param paragraphs the article's paragraphs, boilerplate removed
 * @param stripped the trailing boilerplate lines that were removed, in file order
 * @param firstBodyLine the file line of the first paragraph
 * @param titleMade why the title was made from the text (the file has no headline line), or null when it has one
 */
public record RawArticle(String title, String source, List<String> authors, List<String> paragraphs,
        List<String> stripped, int firstBodyLine, String titleMade) {

    public RawArticle {
        requireNonNull(title, "title is null");
        authors = List.copyOf(authors);
        paragraphs = List.copyOf(paragraphs);
        stripped = List.copyOf(stripped);
    }

    /** The body as Markdown that renders to exactly these paragraphs. */
    public String markdown() {
        return Prose.toMarkdown(paragraphs);
    }

    public String plainText() {
        return String.join("\n\n", paragraphs);
    }
}
