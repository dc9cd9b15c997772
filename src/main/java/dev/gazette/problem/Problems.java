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
