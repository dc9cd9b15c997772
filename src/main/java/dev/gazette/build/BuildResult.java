package dev.gazette.build;

import dev.gazette.problem.Problem;
import java.time.Duration;
import java.util.List;

/**
 * How a build went.
 *
 * @param pages HTML pages written (0 when the build failed)
 * @param files all files the output holds, pages and copied assets included
 * @param changed files whose bytes differ from the previous output (written or replaced); the others were left
 *     untouched
 * @param articles articles published
 * @param problems every error and warning, sorted
 * @param stages the stages that ran, in order, with their durations (printed by --verbose)
 */
public record BuildResult(int pages, int files, int changed, int articles, Duration elapsed, List<Problem> problems,
        List<Stage> stages) {

    /** How long one named stage of the build took. */
    public record Stage(String name, Duration took) {
    }

    public BuildResult {
        problems = List.copyOf(problems);
        stages = List.copyOf(stages);
    }

    public boolean succeeded() {
        return problems.stream().noneMatch(Problem::isError);
    }
}
