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

    /** The output file for a site path: directories get index.html (pretty URLs), files stay as they are. */
    public static String outputPath(String url, String basePath) {
        String relative = url.startsWith(basePath) ? url.substring(basePath.length()) : url.replaceFirst("^/", "");
        if (relative.isEmpty() || relative.endsWith("/")) {
            return relative + "index.html";
        }
        return relative;
    }
}
