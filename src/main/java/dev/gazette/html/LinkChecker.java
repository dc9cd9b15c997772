package dev.gazette.html;

import dev.gazette.parallel.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks a built site the way a link checker would: every site-internal link, stylesheet, script and image of
 * every page leads to a file of the output, and every in-page anchor to an element with that id.
 */
public final class LinkChecker {

    /** A link that leads nowhere: the page (relative to the output) and the target as written. */
    public record BrokenLink(String page, String target) {
    }

    private LinkChecker() {
    }

    /** @param basePath the site's base path ("/" or "/news/"); links outside it are reported too */
    public static List<BrokenLink> check(Path output, String basePath) throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(output)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        List<BrokenLink> broken = new ArrayList<>();
        try {
            Parallel.map(pages, page -> check(output, page, basePath)).forEach(broken::addAll);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return broken;
    }

    private static List<BrokenLink> check(Path output, Path page, String basePath) {
        List<BrokenLink> broken = new ArrayList<>();
        String name = output.relativize(page).toString().replace('\\', '/');
        Document doc;
        try {
            doc = Jsoup.parse(page.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Element e : doc.select("a[href], link[href]:not([rel=canonical]):not([rel=alternate][hreflang]), img[src], script[src]")) {
            String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (target.startsWith("#")) {
                if (target.length() > 1 && doc.getElementById(target.substring(1)) == null) {
                    broken.add(new BrokenLink(name, target));
                }
                continue;
            }
            URI uri;
            try {
                uri = new URI(target);
            } catch (URISyntaxException ex) {
                broken.add(new BrokenLink(name, target));
                continue;
            }
            if (uri.getScheme() != null || target.startsWith("//") || uri.getPath() == null || uri.getPath().isEmpty()) {
                continue;
            }
            String path = uri.getPath();
            if (!path.startsWith("/")) {
                path = "/" + output.relativize(page.getParent()).toString().replace('\\', '/') + "/" + path;
            }
            if (!path.startsWith(basePath)) {
                broken.add(new BrokenLink(name, target));
                continue;
            }
            Path file = output.resolve(path.substring(basePath.length())).normalize();
            if (path.endsWith("/")) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(output) || !Files.isRegularFile(file)) {
                broken.add(new BrokenLink(name, target));
            }
        }
        return broken;
    }
}
