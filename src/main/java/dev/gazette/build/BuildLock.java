package dev.gazette.build;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One build at a time for an output folder: two builds of one site at once (a CI job and an editor's, two
 * terminals) would write into the same staging folders and cache. The lock is a file beside the output
 * ({@code .public.gazette-lock} for {@code public/}), held for the build; the operating system lets it go if
 * the build is killed, so a stale lock never blocks the next build.
 */
final class BuildLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static BuildLock acquire(Path output) throws BuildException, IOException {
        Path out = output.toAbsolutePath().normalize();
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Path file = parent.resolve("." + out.getFileName() + ".gazette-lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new BuildException("another build is writing " + out + " (it holds " + file.getFileName()
                    + "); wait for it to end and build again", null);
        }
        return new BuildLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
