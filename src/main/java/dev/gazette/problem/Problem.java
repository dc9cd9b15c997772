package dev.gazette.problem;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One thing wrong with a site's input, located as precisely as the input allows.
 *
 * @param file the file at fault, absolute; {@code null} when the problem is not tied to a file
 * @param line 1-based line in that file, or 0 when unknown
 */
public record Problem(Severity severity, Path file, int line, String message) {

    /**
     * ERROR fails the build; SKIPPED is an error in one article file that the build left out, publishing the rest
     * (without {@code --strict}); WARNING is always shown; NOTE (what the build did on its own) only with --verbose.
     * (Kept in this order: the source cache stores their ordinals.)
     */
    public enum Severity { ERROR, WARNING, NOTE, SKIPPED }

    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file() == null ? "" : p.file().toString())
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::message);

    public Problem {
        requireNonNull(severity, "severity is null");
        requireNonNull(message, "message is null");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more, was " + line);
        }
    }

    public static Problem error(Path file, int line, String message) {
        return new Problem(Severity.ERROR, file, line, message);
    }

    public static Problem warning(Path file, int line, String message) {
        return new Problem(Severity.WARNING, file, line, message);
    }

    public static Problem note(Path file, int line, String message) {
        return new Problem(Severity.NOTE, file, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line: message}, with the path shown relative to {@code base} when it lies under it. */
    public String format(Path base) {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            Path shown = base != null && file.startsWith(base) ? base.relativize(file) : file;
            text.append(shown.toString().isEmpty() ? "." : shown);
            if (line > 0) {
                text.append(':').append(line);
            }
            text.append(": ");
        }
        if (severity == Severity.WARNING) {
            text.append("warning: ");
        } else if (severity == Severity.SKIPPED) {
            text.append("error, file skipped: ");
        } else if (severity == Severity.NOTE) {
            text.append("note: ");
        }
        return text.append(message).toString();
    }
}
