package dev.gazette.source;

import dev.gazette.problem.Problems;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files of one of the site's folders (content/, static/), found under the site's rule for symbolic links: a
 * link whose target lies inside the site folder is followed; one whose target lies outside it is not read unless
 * the site opts in ({@code follow_external_symlinks: true}), so that a link to /etc/passwd dropped into content/
 * is never published; a link back to a folder being walked (a loop) and a broken link are skipped. Each skipped link
 * is a warning naming it; a folder or file that cannot be read is an error naming it. Nothing here throws for what
 * the site holds.
 */
public final class SiteFiles {

    /** A file found, and its attributes (of the link's target when it was reached through a link). */
    public record Found(Path file, BasicFileAttributes attributes) {
    }

    private final Path siteRoot;
    private final boolean followExternal;
    private final Problems problems;
    private int fileLinks;

    /**
     * @param site the site folder: links whose targets lie inside it are followed
     * @param followExternal whether links whose targets lie outside the site are followed too
     */
    public SiteFiles(Path site, boolean followExternal, Problems problems) {
        this.siteRoot = realOrAbsolute(site);
        this.followExternal = followExternal;
        this.problems = problems;
    }

    /**
     * The regular files under {@code folder} that {@code wanted} accepts, sorted by path, in folders that
     * {@code skipFolder} does not reject; empty when the folder does not exist.
     */
    public List<Found> walk(Path folder, Predicate<Path> skipFolder, Predicate<Path> wanted) throws IOException {
        List<Found> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        Path real = folder.toRealPath();
        walk(folder, real, folder, new ArrayDeque<>(), skipFolder, wanted, found);
        found.sort(Comparator.comparing(f -> f.file().toString()));
        return found;
    }

    /**
     * Walks the real folder {@code real} without following links, naming what it finds under {@code logical} (the
     * path it was reached by: the top folder, or a link into it), and each followed link's target in turn.
     * {@code walked}: the real paths of the folders being walked, from the top, for loops.
     */
    private void walk(Path logical, Path real, Path top, Deque<Path> walked, Predicate<Path> skipFolder,
            Predicate<Path> wanted, List<Found> found) throws IOException {
        Files.walkFileTree(real, new SimpleFileVisitor<>() {
            private Path named(Path path) {
                return path.equals(real) ? logical : logical.resolve(real.relativize(path));
            }

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path name = named(dir);
                if (!name.equals(top) && skipFolder.test(name)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                walked.push(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                walked.pop();
                if (e != null) {
                    problems.error(named(dir), 0, "cannot read this folder: " + message(e));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path name = named(file);
                if (attrs.isSymbolicLink()) {
                    followLink(name, top, walked, skipFolder, wanted, found);
                } else if (attrs.isRegularFile() && wanted.test(name)) {
                    found.add(new Found(name, attrs));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.error(named(file), 0, "cannot read: " + message(e));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void followLink(Path link, Path top, Deque<Path> walked, Predicate<Path> skipFolder,
            Predicate<Path> wanted, List<Found> found) throws IOException {
        Path target;
        BasicFileAttributes attrs;
        try {
            target = link.toRealPath();
            attrs = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (IOException e) {
            problems.warning(link, 0, "symbolic link to a missing or unreadable file (" + Files.readSymbolicLink(link)
                    + ") is skipped");
            return;
        }
        if (!target.startsWith(siteRoot) && !followExternal) {
            problems.warning(link, 0, "symbolic link to " + target + ", outside the site folder, is not read; "
                    + "set follow_external_symlinks: true in site.yaml to read it");
            return;
        }
        if (attrs.isDirectory()) {
            if (skipFolder.test(link)) {
                return;
            }
            for (Path folder : walked) {
                if (folder.startsWith(target)) {
                    problems.warning(link, 0, "symbolic link to " + target + " leads back to a folder it is in "
                            + "(a loop); it is skipped");
                    return;
                }
            }
            walk(link, target, top, walked, skipFolder, wanted, found);
        } else if (attrs.isRegularFile() && wanted.test(link)) {
            found.add(new Found(link, attrs));
            fileLinks++;
        }
    }

    /** Files found through a symbolic link to the file itself (a watcher of their folders does not see them change). */
    public int fileLinks() {
        return fileLinks;
    }

    private static Path realOrAbsolute(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static String message(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
