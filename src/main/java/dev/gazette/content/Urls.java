package dev.gazette.content;

/** Site paths ("/news/2022/11/slug/") and the output files that serve them ("2022/11/slug/index.html"). */
public final class Urls {

    private Urls() {
    }

    /** @param basePath the base URL's path, such as "/" or "/news/"; @param path a path under it such as "tags/x/" */
    public static String url(String basePath, String path) {
        String joined = basePath + (path.startsWith("/") ? path.substring(1) : path);
        return joined.contains("//") ? joined.replaceAll("/{2,}", "/") : joined;
    }

    /**
     * Whether a path could leave the folder it is resolved in: a "." or ".." segment, a backslash or a NUL. Output
     * paths, paths written in front matter and request paths of the dev server are all checked with it.
     */
    public static boolean leavesItsFolder(String path) {
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return true;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The output file for a site path: directories get index.html (pretty URLs), files stay as they are. */
    public static String outputPath(String url, String basePath) {
        String relative = url.startsWith(basePath) ? url.substring(basePath.length()) : url.replaceFirst("^/", "");
        if (relative.isEmpty() || relative.endsWith("/")) {
            return relative + "index.html";
        }
        return relative;
    }
}
