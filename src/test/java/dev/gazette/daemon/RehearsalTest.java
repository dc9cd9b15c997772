package dev.gazette.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RehearsalTest {

    private static final long S = 1_000_000_000L;

    private static Rehearsal rehearsal(long compiledAtStart) {
        // at least 300 article pages; windows of 2 s; busy while compiling takes 10% of a window; 90 s at most
        return new Rehearsal(300, Duration.ofSeconds(2), 10, Duration.ofSeconds(90), 0, compiledAtStart);
    }

    @Test
    void rendersTheMinimumHoweverIdleTheCompiler() {
        Rehearsal rehearsal = rehearsal(0);
        assertThat(rehearsal.another(100, 1 * S, 0)).isTrue();
        assertThat(rehearsal.another(100, 2 * S, 0)).isTrue();
        assertThat(rehearsal.rendered()).isEqualTo(200);
        // the third round reaches the minimum, and a window of 3 s with no compiling has passed
        assertThat(rehearsal.another(100, 3 * S, 0)).isFalse();
        assertThat(rehearsal.rendered()).isEqualTo(300);
    }

    @Test
    void goesOnWhileTheCompilerIsBusyAndStopsWhenItIsNot() {
        Rehearsal rehearsal = rehearsal(5_000);
        assertThat(rehearsal.another(1000, 1 * S, 6_000)).isTrue();   // half a window
        assertThat(rehearsal.another(1000, 2 * S, 6_500)).isTrue();   // 1.5 s compiling in 2 s: busy
        assertThat(rehearsal.another(1000, 3 * S, 6_700)).isTrue();   // a new window, 1 s old
        assertThat(rehearsal.another(1000, 4 * S, 6_900)).isTrue();   // 400 ms in 2 s: 20%, busy
        assertThat(rehearsal.another(1000, 6 * S, 7_090)).isFalse();  // 190 ms in 2 s: under 10%
        assertThat(rehearsal.rendered()).isEqualTo(5000);
    }

    @Test
    void judgesAWindowOnlyOnceItIsLongEnough() {
        Rehearsal rehearsal = rehearsal(0);
        assertThat(rehearsal.another(400, S / 2, 0)).isTrue();        // idle, but half a second is no window
        assertThat(rehearsal.another(400, S, 0)).isTrue();
        assertThat(rehearsal.another(400, 2 * S, 150)).isFalse();     // 150 ms in 2 s
    }

    @Test
    void stopsAtItsLimitHoweverBusyTheCompiler() {
        Rehearsal rehearsal = rehearsal(0);
        long compiled = 0;
        int rounds = 0;
        for (long now = 10 * S; ; now += 10 * S) {
            compiled += 9_000; // 90% of every 10 s round
            rounds++;
            if (!rehearsal.another(1000, now, compiled)) {
                break;
            }
        }
        assertThat(rounds).isEqualTo(9); // stopped by the round that ended at 90 s
    }

    @Test
    void aRoundWithNothingRenderedEndsIt() {
        Rehearsal rehearsal = rehearsal(0);
        assertThat(rehearsal.another(0, S, 0)).isFalse();
        assertThat(rehearsal.rendered()).isZero();
    }

    @Test
    void withoutAMeasureOfCompilingItStopsAfterTheMinimum() {
        Rehearsal rehearsal = rehearsal(-1);
        assertThat(rehearsal.another(200, S, -1)).isTrue();
        assertThat(rehearsal.another(200, 2 * S, -1)).isFalse();
    }
}
