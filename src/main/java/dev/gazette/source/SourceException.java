package dev.gazette.source;

/** A file cannot be read as an article; carries the line at fault (0 when it is the file as a whole). */
public final class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public SourceException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
