package dev.gazette.daemon;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Where a build server listens: a socket named after what the server runs (the jar, its size and time, the Java
 * installation and the extra JVM options the launcher was given), so a client only reaches a server running the
 * same code the same way, in a folder that only its user can open ({@code $XDG_RUNTIME_DIR/gazette}, else
 * {@code gazette-USER} in the temporary folder). Anyone who can connect can have files written as that user.
 */
final class ServerAddress {

    private ServerAddress() {
    }

    /** The socket of a server running this code, with this JVM's extra options. */
    static Path socket() throws IOException {
        return privateFolder().resolve("build-" + key() + ".sock");
    }

    /** The lock file a server holds while it runs, beside its socket. */
    static Path lock(Path socket) {
        return socket.resolveSibling(socket.getFileName().toString().replace(".sock", ".lock"));
    }

    /** The folder for sockets, created if missing; refused when another user owns it or others can open it. */
    static Path privateFolder() throws IOException {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path folder = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "gazette")
                : Path.of(System.getProperty("java.io.tmpdir"), "gazette-" + System.getProperty("user.name"));
        return checkedPrivate(folder);
    }

    static Path checkedPrivate(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder,
                        PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made by another client or server meanwhile: checked below like any other
            }
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(folder + " is not a folder");
        }
        String owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new IOException(folder + " belongs to " + owner);
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
        for (PosixFilePermission permission : permissions) {
            if (permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS")) {
                throw new IOException(folder + " can be opened by other users");
            }
        }
        return folder;
    }

    /** What the server runs, digested: a client only talks to a server of the same code and options. */
    static String key() {
        StringBuilder text = new StringBuilder();
        Path jar = codeLocation();
        text.append(jar).append('|');
        try {
            text.append(Files.size(jar)).append('|').append(Files.getLastModifiedTime(jar).toMillis());
        } catch (IOException e) {
            text.append("?");
        }
        text.append('|').append(System.getProperty("java.home")).append('|').append(Runtime.version())
                .append('|').append(System.getProperty("gazette.jvmopts", ""));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar (or classes folder) this code was loaded from. */
    static Path codeLocation() {
        try {
            return Path.of(ServerAddress.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("unknown");
        }
    }
}
