package dev.gazette.output;

import dev.gazette.resident.ParsedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A build's output. Files whose bytes differ from the current output are written into a staging folder beside
 * it; files with the same bytes are only noted. {@link #commit()} then moves the changed files into place and
 * deletes files this build did not produce, so unchanged files keep their modification time and a sync to a
 * host uploads only what changed. {@link #abort()} throws the staging folder away: a failed build leaves the
 * previous output exactly as it was. When there is no previous output, commit is one rename. Writes are safe
 * from many threads.
 *
 * <p>Publishing is all or nothing across a kill: before the first move, commit writes a journal beside the output
 * (its moves and deletions, written whole by a rename) and {@link #published()} removes it once the caller has
 * saved what describes the output. A build killed in between leaves the journal, and the next {@link #stage}
 * finishes its moves and deletions before anything else ({@link #recoveredPublish()}), so the output is the
 * killed build's whole new output, never a mix of two builds.
 */
public final class OutputFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final boolean targetExists;
    private final Set<String> produced = ConcurrentHashMap.newKeySet();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger filesWritten = new AtomicInteger();
    /** Folders known to exist in the staging folder: creating them again would cost an exception each time. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Listing> existing;
    private final boolean recoveredPublish;
    private boolean finished;

    private OutputFolder(Path target, Path staging, boolean recoveredPublish) {
        this.target = target;
        this.staging = staging;
        this.recoveredPublish = recoveredPublish;
        this.targetExists = Files.isDirectory(target);
        if (!targetExists) {
            this.existing = CompletableFuture.completedFuture(Listing.EMPTY);
        } else {
            // a resident build process may know the output as it left it, if no folder of it has changed since
            this.existing = lookUp(target);
        }
    }

    /** The previous output's listing: kept by a resident process if it still holds, else listed (in the background). */
    private static CompletableFuture<Listing> lookUp(Path target) {
        return CompletableFuture.supplyAsync(() -> ParsedFiles.<Listing>get(keptName(target),
                listing -> witnesses(target, listing)).orElseGet(() -> list(target)), OutputFolder::lister);
    }

    /** Outputs only this process writes (gazette serve's private folder), absolute and normalized. */
    private static final Set<Path> PRIVATE = ConcurrentHashMap.newKeySet();

    /**
     * Declares an output folder this process's own (gazette serve's, in a temporary folder of its own): no
     * other build and no one by hand writes in it, so a listing kept after its last commit holds while the
     * folder itself is there as it was, without a stat of each of its folders (tens of milliseconds at 10,000
     * articles) before and after every rebuild.
     */
    public static void ownedByThisProcess(Path target) {
        PRIVATE.add(target.toAbsolutePath().normalize());
    }

    /** What must be as it was for a kept listing to hold: every folder of the output, or only its top if it is private. */
    private static List<Path> witnesses(Path target, Listing listing) {
        return PRIVATE.contains(target) ? List.of(target) : listing.folders();
    }

    /**
     * The files of an output by relative path (true for regular files) and its folders, the root first. A file
     * is added, removed or replaced by a folder only by changing the folder it is in, so while no folder's time
     * has changed the files are as listed.
     */
    private record Listing(Map<String, Boolean> files, List<Path> folders) {
        static final Listing EMPTY = new Listing(Map.of(), List.of());
    }

    private static String keptName(Path target) {
        return "output:" + target;
    }

    private static void lister(Runnable task) {
        Thread thread = new Thread(task, "gazette-output-lister");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts a build's output for {@code target}, which need not exist yet; the caller holds its build lock, and
     * staging folders that killed builds left beside it are removed.
     */
    public static OutputFolder stage(Path target) throws IOException {
        Path out = target.toAbsolutePath().normalize();
        Path parent = out.getParent();
        Files.createDirectories(parent);
        boolean recovered = finishInterruptedPublish(out);
        removeStaleStaging(parent, "." + out.getFileName() + ".staging-");
        Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".staging-");
        return new OutputFolder(out, staging, recovered);
    }

    /**
     * True when a build killed while it published left its journal, and {@link #stage} finished that publishing
     * first: the output is then that build's, and what the build would have saved after publishing (its cache)
     * may describe the output before it.
     */
    public boolean recoveredPublish() {
        return recoveredPublish;
    }

    /** The journal of a publishing under way: beside the output, as its staging folders are. */
    static Path journal(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".publishing");
    }

    private static final String JOURNAL_FORMAT = "gazette publish journal 1";

    /**
     * Finishes the moves and deletions of a publishing that a killed build left half done, from its journal; each
     * step is done only if it is still to do, so a kill during this finishing is finished in turn next time.
     */
    private static boolean finishInterruptedPublish(Path target) throws IOException {
        Path journal = journal(target);
        if (!Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).equals(JOURNAL_FORMAT) || !lines.get(1).startsWith("staging ")) {
            throw new IOException("cannot read " + journal + ", the journal of a build stopped while it published;"
                    + " delete it and build with --clean");
        }
        Path staging = target.resolveSibling(unescape(lines.get(1).substring("staging ".length())));
        for (String line : lines.subList(2, lines.size())) {
            String path = unescape(line.substring(line.indexOf(' ') + 1));
            if (line.startsWith("rename ")) {
                if (Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } else if (line.startsWith("move ")) {
                if (Files.exists(resolve(staging, path), LinkOption.NOFOLLOW_LINKS)) {
                    moveIn(staging, target, path);
                }
            } else if (line.startsWith("delete ")) {
                deleteStale(target, path);
            }
        }
        deleteTree(staging);
        Files.delete(journal);
        return true;
    }

    /** Writes the journal whole (a rename), so that a kill leaves all of it or none. */
    private void writeJournal(List<String> moves, List<String> deletions, boolean rename) throws IOException {
        StringBuilder text = new StringBuilder(64 + 40 * (moves.size() + deletions.size()));
        text.append(JOURNAL_FORMAT).append('\n');
        text.append("staging ").append(escape(staging.getFileName().toString())).append('\n');
        if (rename) {
            text.append("rename ").append('\n');
        }
        moves.forEach(path -> text.append("move ").append(escape(path)).append('\n'));
        deletions.forEach(path -> text.append("delete ").append(escape(path)).append('\n'));
        Path journal = journal(target);
        Path temp = journal.resolveSibling(journal.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A path on one line of the journal: '%', line ends escaped as in URLs. */
    private static String escape(String path) {
        return path.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
    }

    private static String unescape(String path) {
        return path.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
    }

    public Path target() {
        return target;
    }

    /**
     * Staging folders that builds killed part-way left beside the output. The caller holds the output's build
     * lock, so none of them belongs to a build still running.
     */
    private static void removeStaleStaging(Path parent, String prefix) throws IOException {
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                if (Files.isDirectory(stale, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(stale);
                }
            }
        }
    }

    /** Writes a file at a path relative to the output root ("2022/11/slug/index.html"), unless it is unchanged. */
    public void write(String relativePath, byte[] bytes) throws IOException {
        Path file = resolve(staging, relativePath);
        produced.add(relativePath);
        filesWritten.incrementAndGet();
        if (targetExists && sameBytes(resolve(target, relativePath), bytes)) {
            return;
        }
        ensureFolder(file.getParent());
        Files.write(file, bytes);
        changed.add(relativePath);
    }

    /** Writes text into a file as it is made. */
    @FunctionalInterface
    public interface TextSource {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes a file from text made as it is written, unless its bytes are those of the previous output's file:
     * for files too big to hold whole in memory (the search index of a big site is tens of megabytes). It is
     * written into the staging folder, compared with the previous file there, and dropped when the same.
     */
    public void write(String relativePath, TextSource text) throws IOException {
        Path file = resolve(staging, relativePath);
        produced.add(relativePath);
        filesWritten.incrementAndGet();
        ensureFolder(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            text.writeTo(out);
        }
        Path previous = resolve(target, relativePath);
        if (targetExists && Files.isRegularFile(previous, LinkOption.NOFOLLOW_LINKS) && Files.mismatch(file, previous) == -1) {
            Files.delete(file);
            return;
        }
        changed.add(relativePath);
    }

    public void write(String relativePath, String text) throws IOException {
        write(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Keeps the previous output's file at this path as it is, without rendering it again. Returns false (and
     * keeps nothing) when there is no such file, so the caller renders it after all.
     */
    public boolean keep(String relativePath) {
        try {
            if (!targetExists || !existing().getOrDefault(relativePath, false)) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        produced.add(relativePath);
        filesWritten.incrementAndGet();
        return true;
    }

    /** The text of a file of the previous output (as it is before this build commits); empty when it has none. */
    public Optional<String> previousText(String relativePath) {
        Path file = resolve(target, relativePath);
        try {
            return targetExists && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Copies a file into the output verbatim, at {@code relativePath}. */
    public void copy(Path file, String relativePath) throws IOException {
        write(relativePath, Files.readAllBytes(file));
    }

    /** Files this build produced, changed or not. */
    public int filesWritten() {
        return filesWritten.get();
    }

    /** Files whose bytes differ from the previous output (all of them when there was none). */
    public int filesChanged() {
        return changed.size();
    }

    /**
     * Puts this build's files in place: changed ones moved in, stale ones deleted, unchanged ones untouched. The
     * journal it writes first stays until {@link #published()}.
     */
    public void commit() throws IOException {
        commit(Integer.MAX_VALUE);
    }

    /** Thrown by a commit told to stop part-way: stands for a kill, so nothing is cleaned up. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped part-way, as a kill would");
        }
    }

    /** A commit that stops after {@code steps} moves and deletions, as a kill would (for tests of the journal). */
    void commit(int steps) throws IOException {
        if (finished) {
            throw new IllegalStateException("output already committed or aborted");
        }
        finished = true;
        if (!targetExists) {
            writeJournal(List.of(), List.of(), true);
            if (steps <= 0) {
                throw new Stopped();
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            keepListing(List.of());
            return;
        }
        // the listing of the previous output must be complete before anything in it moves
        Listing before = listing();
        List<String> moves = new ArrayList<>(changed);
        moves.sort(null);
        List<String> stale = new ArrayList<>();
        for (String path : before.files().keySet()) {
            if (!produced.contains(path)) {
                stale.add(path);
            }
        }
        stale.sort(null);
        writeJournal(moves, stale, false);
        int step = 0;
        for (String path : moves) {
            if (step++ >= steps) {
                throw new Stopped();
            }
            moveIn(staging, target, path);
        }
        for (String path : stale) {
            if (step++ >= steps) {
                throw new Stopped();
            }
            deleteStale(target, path);
        }
        deleteTree(staging);
        keepListing(before.folders());
    }

    /** Ends a publishing: the caller has saved what describes the new output, and the journal goes. */
    public void published() throws IOException {
        Files.deleteIfExists(journal(target));
    }

    /** Moves one changed file from the staging folder into the output, in place of a file or folder there. */
    private static void moveIn(Path staging, Path target, String path) throws IOException {
        Path dest = resolve(target, path);
        Path parent = dest.getParent();
        // a file of the previous output where this build needs a folder, at any depth, gives way
        for (Path folder = parent; !folder.equals(target); folder = folder.getParent()) {
            if (Files.isRegularFile(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(folder);
                break;
            }
        }
        Files.createDirectories(parent);
        if (Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(dest);
        }
        Files.move(resolve(staging, path), dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * For a resident build process, the output as this commit left it: the files this build produced, in the
     * folders that hold them and those that were there before and still are, stamped now.
     */
    private void keepListing(List<Path> foldersBefore) {
        if (!ParsedFiles.keptBetweenBuilds()) {
            return;
        }
        Map<String, Boolean> files = new HashMap<>(produced.size() * 2);
        Set<String> names = new HashSet<>(); // folders by relative path, "" for the root
        names.add("");
        for (String path : produced) {
            files.put(path, true);
            // every folder up to one already known (the paths were checked when written)
            for (int slash = path.lastIndexOf('/'); slash > 0 && names.add(path.substring(0, slash));
                    slash = path.lastIndexOf('/', slash - 1)) {
                // added
            }
        }
        List<Path> list = new ArrayList<>(names.size() + 8);
        names.forEach(name -> list.add(name.isEmpty() ? target : target.resolve(name)));
        Set<Path> known = new HashSet<>(list);
        for (Path dir : foldersBefore) {
            if (!known.contains(dir) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                list.add(dir);
            }
        }
        Listing listing = new Listing(files, list);
        ParsedFiles.keep(keptName(target), witnesses(target, listing), listing);
    }

    /** Throws away what this build wrote; the target folder is untouched. */
    public void abort() throws IOException {
        if (!finished) {
            finished = true;
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    @Override
    public void close() throws IOException {
        abort();
    }

    /** Deletes a file of the previous output this build did not produce, and the folders this leaves empty. */
    private static void deleteStale(Path target, String relativePath) throws IOException {
        Path path = resolve(target, relativePath);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return; // under a folder a new file has replaced, a file a new folder has replaced, or deleted already
        }
        Files.delete(path);
        for (Path dir = path.getParent(); dir != null && !dir.equals(target); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                break;
            }
        }
    }

    /**
     * Every file of the previous output by relative path, true for regular files: listed once, in the background
     * while the build reads and renders, for {@link #keep} and for finding stale files.
     */
    private Map<String, Boolean> existing() throws IOException {
        return listing().files();
    }

    private Listing listing() throws IOException {
        try {
            return existing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                    : new IOException("cannot list " + target, e.getCause());
        }
    }

    private static Listing list(Path target) {
        return list(target, new StringBuilder());
    }

    private static Listing list(Path target, StringBuilder stamp) {
        Map<String, Boolean> files = new HashMap<>();
        List<Path> folders = new ArrayList<>();
        try {
            Files.walkFileTree(target, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    folders.add(dir);
                    ParsedFiles.stamp(stamp, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    files.put(target.relativize(file).toString().replace('\\', '/'), attrs.isRegularFile());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Listing(files, folders);
    }

    private void ensureFolder(Path folder) throws IOException {
        if (folders.contains(folder)) {
            return;
        }
        // made from the nearest folder known to exist down (Files.createDirectories tries the deepest first, and
        // each missing level costs two exceptions)
        List<Path> missing = new ArrayList<>();
        for (Path f = folder; f.startsWith(staging) && !f.equals(staging) && !folders.contains(f); f = f.getParent()) {
            missing.add(f);
        }
        for (int i = missing.size() - 1; i >= 0; i--) {
            try {
                Files.createDirectory(missing.get(i));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by another thread since (or a file is in the way, which the write then reports)
            }
            folders.add(missing.get(i));
        }
    }

    private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != bytes.length) {
                return false;
            }
            return Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static Path resolve(Path root, String relativePath) {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("output path escapes the output folder: " + relativePath);
        }
        return file;
    }

    /** Deletes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
