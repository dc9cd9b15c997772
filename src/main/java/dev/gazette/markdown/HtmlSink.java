package dev.gazette.markdown;

/**
 * Receives the HTML of a Markdown body as a tree, element by element, instead of as text: the html package
 * builds its document from these calls and need not parse the text again. Elements nest properly; a void
 * element (img, br, hr) is started and ended at once. Text and attribute values are as a reader sees them,
 * not escaped.
 */
public interface HtmlSink {

    /** Starts an element. @param attributes names and values, alternately, in the order they are written */
    void start(String tag, String... attributes);

    /** Ends the element started last and not yet ended. */
    void end();

    /** Text inside the current element; consecutive calls (and entities) make one run of text. */
    void text(String text);

    /**
     * A character written as an HTML character reference ("&amp;ldquo;"), as Flexmark's typographic quotes,
     * dashes and ellipses are: part of the run of text, as the character it stands for.
     */
    void entity(String reference);
}
