package dev.gazette.build;

import dev.gazette.content.Schedule;
import dev.gazette.problem.Problem;
import java.time.format.DateTimeFormatter;
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
 * @param schedule when the published site next changes by itself (scheduled and expiring articles)
 */
public record BuildResult(int pages, int files, int changed, int articles, Duration elapsed, List<Problem> problems,
        List<Stage> stages, Schedule schedule) {

    /** How long one named stage of the build took. */
    public record Stage(String name, Duration took) {
    }

    public BuildResult {
        problems = List.copyOf(problems);
        stages = List.copyOf(stages);
        schedule = schedule == null ? Schedule.NONE : schedule;
    }

    BuildResult withSchedule(Schedule next) {
        return new BuildResult(pages, files, changed, articles, elapsed, problems, stages, next);
    }

    /**
     * When the site next changes by itself, as lines for the operator ("next scheduled article goes live
     * 2026-01-02T08:00+01:00: 'Title' (content/a.md)"), so the next build can be scheduled then.
     */
    public List<String> scheduleLines() {
        List<String> lines = new java.util.ArrayList<>();
        if (schedule.nextToPublish() != null) {
            lines.add("Next scheduled article goes live " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(schedule.publishAt())
                    + ": '" + schedule.nextToPublish().title() + "' (content/" + schedule.nextToPublish().relativePath() + ")");
        }
        if (schedule.nextToExpire() != null) {
            lines.add("Next article expires " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(schedule.expireAt())
                    + ": '" + schedule.nextToExpire().title() + "' (content/" + schedule.nextToExpire().relativePath() + ")");
        }
        return lines;
    }

    /** Article files left out for their errors (not in a strict build, which fails instead). */
    public int skipped() {
        return (int) problems.stream().filter(p -> p.severity() == Problem.Severity.SKIPPED).map(Problem::file)
                .distinct().count();
    }

    public boolean succeeded() {
        return problems.stream().noneMatch(Problem::isError);
    }
}
