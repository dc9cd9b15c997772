package dev.gazette.resident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a build read from its cache files, kept in memory for the next build of the same process while each file
 * is still the very file it was read from or written as (same file key, size and modification time). Only a
 * resident process ({@code gazette serve}) turns this on ({@link #keepBetweenBuilds}): a one-off build reads each file once and
 * should not hold what it read any longer than it needs it. A value is only ever used in place of reading the
 * same bytes again, so whatever another process writes into those files is read as usual.
 *
 * <p>Values kept must not be changed once kept. A few sites' worth are kept; the least recently used go first.
 */
public final class ParsedFiles {

    private static final int KEPT = 8;
    private static volatile boolean enabled;
    private static final Map<String, Kept> KEPT_VALUES = new LinkedHashMap<>(16, 0.75f, true);

    private record Kept(String stamp, Object value) {
    }

    private ParsedFiles() {
    }

    /** Whether builds keep what they read from their cache files for the next build of this process. */
    public static void keepBetweenBuilds(boolean on) {
        enabled = on;
    }

    public static boolean keptBetweenBuilds() {
        return enabled;
    }

    /**
     * The value kept under {@code name} when every one of {@code files} is still the file it was when kept.
     *
     * @param name what the value is, with whatever else it depends on (the cache's fingerprint)
     */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> get(String name, List<Path> files) {
        if (!enabled) {
            return Optional.empty();
        }
        Kept kept;
        synchronized (KEPT_VALUES) {
            kept = KEPT_VALUES.get(name);
        }
        return kept != null && kept.stamp().equals(stamp(files)) ? Optional.of((T) kept.value()) : Optional.empty();
    }

    /**
     * The value kept under {@code name} when the files it names ({@code filesOf} the value) are still the files
     * they were when it was kept: for a value that lists its own files (a folder tree and its folders).
     */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> get(String name, Function<T, List<Path>> filesOf) {
        if (!enabled) {
            return Optional.empty();
        }
        Kept kept;
        synchronized (KEPT_VALUES) {
            kept = KEPT_VALUES.get(name);
        }
        if (kept == null) {
            return Optional.empty();
        }
        T value = (T) kept.value();
        return kept.stamp().equals(stamp(filesOf.apply(value))) ? Optional.of(value) : Optional.empty();
    }

    /**
     * Keeps {@code value} as what {@code files} hold now (just read, or just written from it). The stamp is taken
     * now: files read should be stamped before they are read ({@link #stamp}), so a change during the read is not
     * taken for the value; see {@link #keep(String, String, Object)}.
     */
    public static void keep(String name, List<Path> files, Object value) {
        keep(name, stamp(files), value);
    }

    /** Keeps {@code value} as what the files stamped {@code stamp} hold. */
    public static void keep(String name, String stamp, Object value) {
        if (!enabled) {
            return;
        }
        synchronized (KEPT_VALUES) {
            KEPT_VALUES.put(name, new Kept(stamp, value));
            while (KEPT_VALUES.size() > KEPT) {
                KEPT_VALUES.remove(KEPT_VALUES.keySet().iterator().next());
            }
        }
    }

    /** Forgets a value (its files were found unreadable). */
    public static void forget(String name) {
        synchronized (KEPT_VALUES) {
            KEPT_VALUES.remove(name);
        }
    }

    /**
     * The identity of these files as they are now: file key, size and modification time of each, or "-"; empty
     * when nothing is kept (a one-off build need not stat its cache files a second time).
     */
    public static String stamp(List<Path> files) {
        if (!enabled) {
            return "";
        }
        StringBuilder stamp = new StringBuilder(files.size() * 48);
        for (Path file : files) {
            try {
                stamp(stamp, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            } catch (NoSuchFileException e) {
                stamp.append("-;");
            } catch (IOException e) {
                stamp.append("?").append(System.nanoTime()).append(';'); // never equal to another
            }
        }
        return stamp.toString();
    }

    /** Appends one file's part of a stamp (see {@link #stamp(List)}) from attributes read already. */
    public static StringBuilder stamp(StringBuilder stamp, BasicFileAttributes attributes) {
        // the time as a number: formatting it as an instant was most of the cost of stamping an output's folders
        Object key = attributes.fileKey();
        return stamp.append(key == null ? "" : key.hashCode()).append(',').append(attributes.size()).append(',')
                .append(attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)).append(';');
    }
}
