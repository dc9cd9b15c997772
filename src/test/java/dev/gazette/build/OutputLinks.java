package dev.gazette.build;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Checks, like a link checker would, that every site-internal link and asset of an output folder resolves. */
final class OutputLinks {

    private OutputLinks() {
    }

    /** Every internal href/src of every HTML page that does not lead to a file, as "page -> target". */
    static List<String> broken(Path output, String basePath) throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(output)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            for (Element e : doc.select("a[href], link[href], img[src], script[src]")) {
                String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (target.startsWith("#")) {
                    if (doc.getElementById(target.substring(1)) == null) {
                        broken.add(output.relativize(page) + " -> " + target);
                    }
                    continue;
                }
                URI uri = URI.create(target);
                if (uri.getScheme() != null || target.startsWith("//")) {
                    continue;
                }
                String path = uri.getPath();
                if (!path.startsWith(basePath)) {
                    broken.add(output.relativize(page) + " -> " + target + " (outside " + basePath + ")");
                    continue;
                }
                Path file = output.resolve(path.substring(basePath.length()));
                if (path.endsWith("/")) {
                    file = file.resolve("index.html");
                }
                if (!Files.isRegularFile(file)) {
                    broken.add(output.relativize(page) + " -> " + target);
                }
            }
        }
        return broken;
    }
}
