package dev.gazette.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs an action on every item of a list on all the threads of the current fork-join pool (the common pool outside
 * one), each thread taking the next item not yet taken. A parallel stream instead cuts the list into a few runs
 * (an eighth of the list each on two cores) that it does not cut again: on a 10,000-article site the last run, a
 * second of work, kept one core busy while the other had nothing left to do, at the end of each stage.
 *
 * <p>The first exception or error an action throws is thrown to the caller, as it was thrown, once every thread
 * has stopped; items not yet taken are not run.
 */
public final class Parallel {

    private Parallel() {
    }

    /** Runs {@code action} on each item, in no particular order. */
    public static <T> void forEach(List<T> items, Consumer<? super T> action) {
        run(items.size(), i -> action.accept(items.get(i)));
    }

    /** The results of {@code function} on each item, in the items' order. */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        Object[] results = new Object[items.size()];
        run(items.size(), i -> results[i] = function.apply(items.get(i)));
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }

    /** Runs {@code action} on 0, 1, ... size - 1, each number taken by the next thread free. */
    private static void run(int size, IntConsumer action) {
        if (size == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                try {
                    action.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    next.set(size);
                    return;
                }
            }
        };
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        int helpers = Math.min(pool.getParallelism(), size) - 1;
        List<ForkJoinTask<?>> forked = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            ForkJoinTask<?> task = ForkJoinTask.adapt(worker);
            forked.add(ForkJoinTask.inForkJoinPool() ? task.fork() : pool.submit(task));
        }
        worker.run();
        for (ForkJoinTask<?> task : forked) {
            task.join(); // a worker never fails: what it met is in failure
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown); // a checked exception thrown sneakily: not ours
        }
    }
}
