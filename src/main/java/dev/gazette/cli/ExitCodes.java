package dev.gazette.cli;

/** What {@code gazette} exits with. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The site's content or templates have problems; each was printed as path:line: message. */
    public static final int CONTENT = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Reading or writing files failed, or Gazette itself failed. */
    public static final int IO = 3;

    private ExitCodes() {
    }
}
