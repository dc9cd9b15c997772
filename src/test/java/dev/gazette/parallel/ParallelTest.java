package dev.gazette.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    private static final List<Integer> THOUSAND = IntStream.range(0, 1000).boxed().toList();

    @Test
    void everyItemRunsOnce() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger runs = new AtomicInteger();
            pool.submit(() -> Parallel.forEach(THOUSAND, i -> {
                seen.add(i);
                runs.incrementAndGet();
                busy(i);
            })).get();
            assertEquals(1000, seen.size());
            assertEquals(1000, runs.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aLongItemAtTheEndDoesNotHoldBackTheOthers() throws Exception {
        // items 0..99 slow, the rest quick: with runs of an eighth of the list, one thread would take every slow item
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            ConcurrentHashMap<String, AtomicInteger> slowByThread = new ConcurrentHashMap<>();
            List<Integer> items = IntStream.range(0, 800).boxed().toList();
            pool.submit(() -> Parallel.forEach(items, i -> {
                if (i < 100) {
                    slowByThread.computeIfAbsent(Thread.currentThread().getName(), k -> new AtomicInteger())
                            .incrementAndGet();
                    sleep(2);
                }
            })).get();
            assertEquals(2, slowByThread.size(), "both threads took slow items: " + slowByThread);
            slowByThread.values().forEach(n -> assertTrue(n.get() >= 25, "shared out: " + slowByThread));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void mapKeepsTheItemsOrder() {
        assertEquals(THOUSAND.stream().map(i -> "#" + i).toList(), Parallel.map(THOUSAND, i -> "#" + i));
        assertEquals(List.of(), Parallel.map(List.<Integer>of(), i -> i));
    }

    @Test
    void theFirstFailureIsThrownAsItWasAndStopsTheRest() {
        UncheckedIOException failure = new UncheckedIOException(new IOException("disk full"));
        AtomicInteger runs = new AtomicInteger();
        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> Parallel.forEach(THOUSAND, i -> {
            runs.incrementAndGet();
            if (i == 10) {
                throw failure;
            }
            sleep(1);
        }));
        assertSame(failure, thrown);
        assertTrue(runs.get() < 1000, "items after the failure are not run: " + runs.get());
        StackOverflowError error = new StackOverflowError();
        assertSame(error, assertThrows(StackOverflowError.class, () -> Parallel.forEach(THOUSAND, i -> {
            throw error;
        })));
    }

    private static void busy(int i) {
        long x = i;
        for (int k = 0; k < 20_000; k++) {
            x = x * 31 + k;
        }
        if (x == 42) {
            throw new AssertionError();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
