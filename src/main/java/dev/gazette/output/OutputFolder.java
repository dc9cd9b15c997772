package dev.gazette.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A build's output, written first into a staging folder beside the real one. {@link #commit()} swaps it in
 * with two renames on the same file system; {@link #abort()} throws it away, so a failed build leaves the
 * previous output exactly as it was. Writes are safe from many threads.
 */
public final class OutputFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final AtomicInteger filesWritten = new AtomicInteger();
    private boolean finished;

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Starts a build's output for {@code target}, which need not exist yet. */
    public static OutputFolder stage(Path target) throws IOException {
        Path out = target.toAbsolutePath().normalize();
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".staging-");
        return new OutputFolder(out, staging);
    }

    public Path target() {
        return target;
    }

    /** Writes a file at a path relative to the output root ("2022/11/slug/index.html"). */
    public void write(String relativePath, byte[] bytes) throws IOException {
        Path file = resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        filesWritten.incrementAndGet();
    }

    public void write(String relativePath, String text) throws IOException {
        write(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a file has already been written at this path in this build. */
    public boolean exists(String relativePath) {
        return Files.exists(resolve(relativePath), LinkOption.NOFOLLOW_LINKS);
    }

    /** Copies a folder's files into the output verbatim, keeping their relative paths. */
    public void copyTree(Path from) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    Path dest = resolve(from.relativize(file).toString().replace('\\', '/'));
                    Files.createDirectories(dest.getParent());
                    Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    filesWritten.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public int filesWritten() {
        return filesWritten.get();
    }

    /** Replaces the target folder with what this build wrote. */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("output already committed or aborted");
        }
        Path previous = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            previous = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".previous-");
            Files.delete(previous);
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (previous != null) {
                Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        finished = true;
        if (previous != null) {
            deleteTree(previous);
        }
    }

    /** Throws away what this build wrote; the target folder is untouched. */
    public void abort() throws IOException {
        if (!finished) {
            finished = true;
            deleteTree(staging);
        }
    }

    @Override
    public void close() throws IOException {
        abort();
    }

    private Path resolve(String relativePath) {
        Path file = staging.resolve(relativePath).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new IllegalArgumentException("output path escapes the output folder: " + relativePath);
        }
        return file;
    }

    static void deleteTree(Path root) throws IOException {
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
