package dev.gazette.source;

import java.io.IOException;

/**
 * An article's Markdown body, read when it is rendered rather than kept from the first read: a site's bodies
 * are most of its size (700 MB for 100,000 articles), and only the rendering thread needs one at a time.
 */
@FunctionalInterface
public interface BodyText {

    /** The Markdown text, read again from the file. */
    String read() throws IOException, SourceException;

    /** A body that is already in memory (tests, tools). */
    static BodyText of(String text) {
        return () -> text;
    }
}
