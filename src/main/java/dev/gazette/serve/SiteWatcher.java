package dev.gazette.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches what a build reads (site.yaml and the content/, templates/, static/, data/ and i18n/ folders, each
 * recursively, new sub-folders included) and calls back once a burst of changes has settled: an editor's save is
 * often several events (a temporary file, a rename, a change of attributes), and a build for each would be wasted.
 */
final class SiteWatcher implements AutoCloseable {

    static final List<String> FOLDERS = List.of("content", "templates", "static", "data", "i18n");
    static final Set<String> FILES = Set.of("site.yaml", "site.yml");

    /** Quiet time after the last event before the callback runs. */
    static final Duration SETTLE = Duration.ofMillis(30);
    /** The longest a steady stream of events may put the callback off. */
    static final Duration MOST_DELAY = Duration.ofMillis(500);

    private final Path site;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Runnable changed;
    private final Thread thread;

    SiteWatcher(Path site, Runnable changed) throws IOException {
        this.site = site;
        this.changed = changed;
        this.service = site.getFileSystem().newWatchService();
        folders.put(site.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), site);
        for (String name : FOLDERS) {
            // before the folders are registered: what changes meanwhile is unknown until a build has looked
            dev.gazette.resident.WatchedChanges.watching(site.resolve(name));
            registerTree(site.resolve(name));
        }
        this.thread = new Thread(this::run, "gazette-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path top) throws IOException {
        if (!Files.isDirectory(top)) {
            return;
        }
        // links followed: a site whose content/ is a link to another folder is watched there
        Files.walkFileTree(top, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a loop, or unreadable: the build reports what it cannot read
            }
        });
    }

    private void run() {
        try {
            while (true) {
                WatchKey first = service.take();
                boolean relevant = drain(first);
                long deadline = System.nanoTime() + MOST_DELAY.toNanos();
                WatchKey next;
                while (System.nanoTime() < deadline
                        && (next = service.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(next);
                }
                if (relevant) {
                    changed.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    /** Reads a key's events, registers new folders; whether any event concerns what a build reads. */
    private boolean drain(WatchKey key) {
        Path folder = folders.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                dev.gazette.resident.WatchedChanges.lost();
                relevant = true;
                continue;
            }
            if (folder == null) {
                continue;
            }
            Path name = (Path) event.context();
            Path path = folder.resolve(name);
            if (folder.equals(site)) {
                String top = name.toString();
                if (FOLDERS.contains(top)) {
                    relevant = true;
                    // the folder itself made, deleted or replaced: nothing of what was in it is known
                    dev.gazette.resident.WatchedChanges.watching(path);
                    if (event.kind() == ENTRY_CREATE) {
                        registerQuietly(path);
                    }
                } else if (FILES.contains(top)) {
                    relevant = true;
                }
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                registerQuietly(path);
            }
            if (!editorScratch(name.toString())) {
                dev.gazette.resident.WatchedChanges.changed(path);
                relevant = true;
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
        return relevant;
    }

    private void registerQuietly(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException e) {
            // gone again, or unreadable: the build reports it
        }
    }

    /** Files editors write beside the one being saved (Vim's swap files, Emacs's lock and backup files). */
    static boolean editorScratch(String name) {
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.startsWith(".#")
                || name.equals("4913");
    }

    @Override
    public void close() throws IOException {
        dev.gazette.resident.WatchedChanges.stopped();
        service.close();
        thread.interrupt();
    }
}
