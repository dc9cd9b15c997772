package dev.gazette.cli;

import dev.gazette.problem.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a build's problems as {@code path:line: message}: at most {@value #SHOWN} of them, errors (and files
 * left out) first, then a line saying how many more there are, so that a scraper's thousand broken files do not
 * bury the one error that matters.
 */
final class ProblemList {

    static final int SHOWN = 100;

    private ProblemList() {
    }

    /**
     * @param warnings whether warnings are shown
     * @param notes whether notes are shown
     */
    static void print(List<Problem> problems, PrintWriter err, Path shownFrom, boolean warnings, boolean notes) {
        List<Problem> shown = new ArrayList<>();
        for (Problem.Severity severity : List.of(Problem.Severity.ERROR, Problem.Severity.SKIPPED,
                Problem.Severity.WARNING, Problem.Severity.NOTE)) {
            if (severity == Problem.Severity.WARNING && !warnings || severity == Problem.Severity.NOTE && !notes) {
                continue;
            }
            problems.stream().filter(p -> p.severity() == severity).forEach(shown::add);
        }
        shown.stream().limit(SHOWN).forEach(p -> err.println(p.format(shownFrom)));
        if (shown.size() > SHOWN) {
            List<Problem> rest = shown.subList(SHOWN, shown.size());
            long errors = rest.stream().filter(p -> p.isError() || p.severity() == Problem.Severity.SKIPPED).count();
            err.printf(Locale.ROOT, "... and %d more (%d of them errors); fix the ones above and build again.%n",
                    rest.size(), errors);
        }
    }
}
