package dev.gazette.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Collects problems from every stage of a build, from any thread; the build reports them all at the end. */
public final class Problems {

    private final ConcurrentLinkedQueue<Problem> found = new ConcurrentLinkedQueue<>();

    public void add(Problem problem) {
        found.add(problem);
    }

    public void error(Path file, int line, String message) {
        add(Problem.error(file, line, message));
    }

    public void warning(Path file, int line, String message) {
        add(Problem.warning(file, line, message));
    }

    public void note(Path file, int line, String message) {
        add(Problem.note(file, line, message));
    }

    /**
     * Turns the errors of files under {@code folder} into {@link Problem.Severity#SKIPPED}: those files were left
     * out, and the build goes on without them. Returns how many files that is.
     */
    public int skipFilesWithErrors(Path folder) {
        java.util.Set<Path> files = new java.util.HashSet<>();
        for (Problem problem : found) {
            if (problem.isError() && problem.file() != null && problem.file().startsWith(folder)) {
                files.add(problem.file());
            }
        }
        if (files.isEmpty()) {
            return 0;
        }
        List<Problem> all = new ArrayList<>(found);
        found.clear();
        for (Problem problem : all) {
            found.add(problem.isError() && files.contains(problem.file())
                    ? new Problem(Problem.Severity.SKIPPED, problem.file(), problem.line(), problem.message()) : problem);
        }
        return files.size();
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    /** Every problem so far, in a stable order (file, line, message) so output is reproducible. */
    public List<Problem> sorted() {
        List<Problem> all = new ArrayList<>(found);
        all.sort(Problem.ORDER);
        return List.copyOf(all);
    }
}
