package dev.gazette.serve;

import dev.gazette.output.OutputFolder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where {@code gazette serve} builds the site. With a fixed port, a folder kept between runs for this site at this
 * address, under the user's cache folder ({@code $XDG_CACHE_HOME/gazette/serve/}, by default
 * {@code ~/.cache/gazette/serve/}): the next start on the same site and port is then an incremental build of what
 * changed meanwhile instead of a full one (a 10,000-article site starts in a few seconds instead of tens). A server
 * holds a lock on its folder while it runs; a second server of the same site, a port the system chooses (0), or a
 * cache folder that cannot be written build into a temporary folder instead, deleted when the server stops.
 */
final class ServeFolder implements AutoCloseable {

    /** The folder that holds the kept folders, instead of the user's cache folder (tests). */
    static final String FOLDERS_PROPERTY = "gazette.serve.folders";

    private final Path root;
    private final boolean temporary;
    private final FileChannel lockFile;
    private final FileLock lock;

    private ServeFolder(Path root, boolean temporary, FileChannel lockFile, FileLock lock) {
        this.root = root;
        this.temporary = temporary;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** The folder of a server of {@code site} at {@code baseUrl}; {@code fixedPort} false when the system chose it. */
    static ServeFolder open(Path site, String baseUrl, boolean fixedPort) throws IOException {
        if (fixedPort) {
            try {
                Path root = folders().resolve(name(site, baseUrl));
                Files.createDirectories(root);
                FileChannel channel = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    return new ServeFolder(root, false, channel, lock);
                }
                channel.close(); // another server of this site at this address runs: a folder of its own
            } catch (IOException | RuntimeException e) {
                // no cache folder to write in: a temporary one does the job, without the next start's head start
            }
        }
        return new ServeFolder(Files.createTempDirectory("gazette-serve-"), true, null, null);
    }

    private static Path folders() {
        String set = System.getProperty(FOLDERS_PROPERTY);
        if (set != null) {
            return Path.of(set);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("gazette").resolve("serve");
    }

    /** The site folder's name (readable), the port, and a digest of the site's real path and the address. */
    static String name(Path site, String baseUrl) {
        Path real;
        try {
            real = site.toRealPath();
        } catch (IOException e) {
            real = site.toAbsolutePath().normalize();
        }
        String readable = real.getFileName() == null ? "root"
                : real.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 40) {
            readable = readable.substring(0, 40);
        }
        int port = java.net.URI.create(baseUrl).getPort();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((real + "\n" + baseUrl).getBytes(StandardCharsets.UTF_8));
            return readable + "-" + port + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The output folder the server builds into; its build cache lies beside it. */
    Path output() {
        return root.resolve("site");
    }

    /** Whether the folder is kept for the next start (false: a temporary one, deleted by {@link #close}). */
    boolean kept() {
        return !temporary;
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        if (temporary) {
            try {
                OutputFolder.deleteTree(root);
            } catch (IOException e) {
                // a temporary folder: the system cleans it in time
            }
        }
    }
}
