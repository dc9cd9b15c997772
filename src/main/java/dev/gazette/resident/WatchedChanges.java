package dev.gazette.resident;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The paths a resident process's file watcher ({@code gazette serve}) saw change under the folders it watches
 * whole, so that a rebuild need not look at every file of a big site to find the one an editor saved. A folder
 * whose watch may have missed something (just started, or the system's event queue overflowed) gives no
 * answer until it has been taken once, and a build then looks at every file as usual.
 *
 * <p>A change the watcher has not seen yet when a build takes the changes is seen by the next build, which the
 * watcher starts once it sees it.
 */
public final class WatchedChanges {

    private static final Map<Path, Set<Path>> CHANGED = new HashMap<>();
    /** Watched folders whose changes are not known in full since they were last taken. */
    private static final Set<Path> UNKNOWN = new HashSet<>();

    private WatchedChanges() {
    }

    /** A folder is watched with everything under it from now on; what changed before is unknown. */
    public static synchronized void watching(Path folder) {
        Path key = key(folder);
        CHANGED.put(key, new HashSet<>());
        UNKNOWN.add(key);
    }

    /** A file or folder changed (was written, made, deleted or renamed). */
    public static synchronized void changed(Path path) {
        Path changed = key(path);
        for (Map.Entry<Path, Set<Path>> folder : CHANGED.entrySet()) {
            if (changed.startsWith(folder.getKey())) {
                folder.getValue().add(changed);
            }
        }
    }

    /** Events were lost: nothing is known of any watched folder until its changes are taken next. */
    public static synchronized void lost() {
        UNKNOWN.addAll(CHANGED.keySet());
    }

    /** No folder is watched any more (the watcher stopped). */
    public static synchronized void stopped() {
        CHANGED.clear();
        UNKNOWN.clear();
    }

    /**
     * The paths under {@code folder} that changed since its changes were last taken (absolute, normalized), and
     * from now on none; empty when they are not known (the folder is not watched, or changes may have been lost).
     */
    public static synchronized Optional<Set<Path>> take(Path folder) {
        Path key = key(folder);
        Set<Path> changed = CHANGED.get(key);
        if (changed == null) {
            return Optional.empty();
        }
        CHANGED.put(key, new HashSet<>());
        return UNKNOWN.remove(key) ? Optional.empty() : Optional.of(changed);
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
