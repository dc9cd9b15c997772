package dev.gazette.daemon;

import java.time.Duration;

/**
 * When a build server's rehearsal stops. A JVM compiles a method to its fastest only after thousands of calls, and
 * its C2 compiler then takes a while over each one: a 1,000-article site's builds in a new server got faster for
 * about 25 rounds (from 2 s to 1 s each), a 100-article site's for some hundreds. So the rehearsal renders at least
 * {@code minArticles} article pages, then goes on while the compiler is busy: it stops at the end of a window of at
 * least {@code window} in which compiling took less than {@code share} per cent of the time, or once it has run
 * for {@code limit} in all, however busy the compiler still is (the server's CPU is the user's). Without a measure
 * of compiling time it stops after the minimum.
 */
final class Rehearsal {

    private final int minArticles;
    private final long windowNanos;
    private final int share;
    private final long limitNanos;
    private final long started;
    private long windowStart;
    private long compiledBefore;
    private int rendered;

    /**
     * @param now            {@link System#nanoTime()} when the rehearsal starts
     * @param compiledMillis the JVM's compiling time so far, in milliseconds (negative: not measured)
     */
    Rehearsal(int minArticles, Duration window, int share, Duration limit, long now, long compiledMillis) {
        this.minArticles = minArticles;
        this.windowNanos = window.toNanos();
        this.share = share;
        this.limitNanos = limit.toNanos();
        this.started = now;
        this.windowStart = now;
        this.compiledBefore = compiledMillis;
    }

    /**
     * After a round that rendered {@code articles} article pages, ending at {@code now} with the JVM's compiling time
     * at {@code compiledMillis}: whether to rehearse another round.
     */
    boolean another(int articles, long now, long compiledMillis) {
        if (articles <= 0) {
            return false; // nothing to rehearse: no articles, errors, a site too big, or stopped
        }
        rendered += articles;
        if (rendered < minArticles) {
            return true;
        }
        if (compiledMillis < 0 || compiledBefore < 0 || now - started >= limitNanos) {
            return false;
        }
        long window = now - windowStart;
        if (window < windowNanos) {
            return true;
        }
        boolean busy = (compiledMillis - compiledBefore) * 1_000_000 * 100 >= window * share;
        windowStart = now;
        compiledBefore = compiledMillis;
        return busy;
    }

    /** The article pages rendered so far. */
    int rendered() {
        return rendered;
    }
}
