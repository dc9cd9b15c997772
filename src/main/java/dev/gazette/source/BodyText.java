package dev.gazette.source;

import java.io.IOException;

/**
 * An article's Markdown body. A site's bodies are most of its size (700 MB for 100,000 articles) and only the
 * rendering thread needs one at a time, so unless the site is small (see {@link ContentLoader}) a body is read
 * again from its file when it is rendered rather than kept from the first read. What the build cache needs to
 * know without reading it (its hash, whether it links to article files) is taken when the file is first read.
 */
public final class BodyText {

    /** Reads the body from its file again. */
    @FunctionalInterface
    public interface Reader {
        String read() throws IOException, SourceException;
    }

    private final String hash;
    private final boolean linksToFiles;
    private final Reader reader;

    private BodyText(String hash, boolean linksToFiles, Reader reader) {
        this.hash = hash;
        this.linksToFiles = linksToFiles;
        this.reader = reader;
    }

    private BodyText(String text, Reader reader) {
        this(ContentHash.of(text), linksToFiles(text), reader);
    }

    /** Whether the text mentions a file name of an article (".md", ".markdown", ".txt", a post_url), in one pass. */
    private static boolean linksToFiles(String text) {
        if (text.contains("post_url")) {
            return true; // Jekyll's {% post_url 2014-09-08-name %} names an article without an extension
        }
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (text.startsWith("md", dot + 1) || text.startsWith("txt", dot + 1) || text.startsWith("markdown", dot + 1)) {
                return true;
            }
        }
        return false;
    }

    /** A body known from an earlier read of an unchanged file (see {@link SourceCache}): its hash and links. */
    static BodyText of(String hash, boolean linksToFiles, Reader reader) {
        return new BodyText(hash, linksToFiles, reader);
    }

    /** A body read now (to take its hash) and again later through {@code reader}. */
    public static BodyText of(String textNow, Reader reader) {
        return new BodyText(textNow, reader);
    }

    /** A body read now and kept in memory, or (when not {@code kept}) read again later through {@code reader}. */
    static BodyText of(String textNow, Reader reader, boolean kept) {
        return kept ? of(textNow) : of(textNow, reader);
    }

    /** A body that stays in memory (tests, tools). */
    public static BodyText of(String text) {
        return new BodyText(text, () -> text);
    }

    public String read() throws IOException, SourceException {
        return reader.read();
    }

    /** The hash of the text as first read. */
    public String hash() {
        return hash;
    }

    /** Whether the text may link to other article files ("...md"), so its HTML depends on their URLs. */
    public boolean linksToFiles() {
        return linksToFiles;
    }

    @Override
    public String toString() {
        return "BodyText[" + hash + "]";
    }
}
