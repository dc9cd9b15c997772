package dev.gazette.build;

/** The build could not run for a reason outside the site's content: the disk, the output folder, a bug. */
public final class BuildException extends Exception {

    private static final long serialVersionUID = 1L;

    public BuildException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private final boolean refused;

    public BuildException(String message) {
        this(message, null, false);
    }

    private BuildException(String message, Throwable cause, boolean refused) {
        super(message, cause);
        this.refused = refused;
    }

    /** The request itself is unacceptable (a dangerous output folder, a missing site): nothing was read or written. */
    public static BuildException refused(String message) {
        return new BuildException(message, null, true);
    }

    public boolean isRefusal() {
        return refused;
    }
}
