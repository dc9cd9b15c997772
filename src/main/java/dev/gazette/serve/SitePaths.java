package dev.gazette.serve;

import dev.gazette.content.Urls;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which file of the built site a request path names. Only files inside the site's folder are ever served: a path
 * with a "." or ".." segment (written plainly or percent-encoded), an encoded slash or backslash, a backslash or a
 * NUL is refused, and a file whose real path (links resolved) lies outside the folder is as good as missing.
 */
final class SitePaths {

    sealed interface Resolved permits Found, Redirect, Missing, Refused {
    }

    record Found(Path file) implements Resolved {
    }

    /** A folder asked for without its trailing slash: the browser is sent to the URL with it. */
    record Redirect(String location) implements Resolved {
    }

    record Missing() implements Resolved {
    }

    record Refused(String why) implements Resolved {
    }

    private SitePaths() {
    }

    /** @param rawPath the request's path as sent, percent-encoding and all */
    static Resolved resolve(Path root, String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new Refused("the path must start with '/'");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            return new Refused("encoded '/', '\\' or NUL in the path");
        }
        String path;
        try {
            path = new URI("http://h" + rawPath).getPath();
        } catch (URISyntaxException e) {
            return new Refused("the path is not a valid URL path");
        }
        if (path == null || Urls.leavesItsFolder(path)) {
            return new Refused("'.' or '..' segment, '\\' or NUL in the path");
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            return new Refused("the path leaves the site");
        }
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                return new Redirect(rawPath + "/");
            }
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !inside(root, file)) {
            return new Missing();
        }
        return new Found(file);
    }

    private static boolean inside(Path root, Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
