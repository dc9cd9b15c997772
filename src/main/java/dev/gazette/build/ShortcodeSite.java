package dev.gazette.build;

import dev.gazette.config.SiteConfig;
import dev.gazette.content.Article;
import dev.gazette.content.Dates;
import dev.gazette.markdown.Shortcodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Hugo's ref/relref and Jekyll's link, post_url and include need from the site: article URLs by the names
 * those generators use (a path under content/, with or without its extension, or a post's file name), and the
 * files of the site's _includes/ folder.
 */
final class ShortcodeSite implements Shortcodes.Site {

    private final SiteConfig config;
    private final Map<String, String> urlsByFile;
    private final Map<String, String> byName = new HashMap<>();
    private final Path includes;

    ShortcodeSite(SiteConfig config, List<Article> articles, Map<String, String> urlsByFile, Path site) {
        this.config = config;
        this.urlsByFile = urlsByFile;
        this.includes = site.resolve("_includes");
        for (Article article : articles) {
            String path = article.relativePath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            // a name two articles share is no name: ref finds neither
            for (String key : List.of(name, base, Dates.withoutDatePrefix(base), stripExtension(path))) {
                byName.merge(key, article.url(), (a, b) -> a.equals(b) ? a : "");
            }
        }
    }

    private static String stripExtension(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
    }

    @Override
    public Optional<String> articleUrl(String reference) {
        String[] parts = reference.strip().split("#", 2);
        String target = parts[0];
        while (target.startsWith("/")) {
            target = target.substring(1);
        }
        if (target.startsWith("_posts/")) {
            target = target.substring("_posts/".length());
        }
        String url = urlsByFile.get(target);
        if (url == null) {
            url = byName.get(stripExtension(target));
        }
        if (url == null && target.contains("/")) {
            url = byName.get(stripExtension(target.substring(target.lastIndexOf('/') + 1)));
        }
        if (url == null || url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts.length > 1 ? url + "#" + parts[1] : url);
    }

    @Override
    public String basePath() {
        return config.basePath();
    }

    @Override
    public String absoluteUrl(String sitePath) {
        return config.absoluteUrl(sitePath);
    }

    @Override
    public Optional<String> include(String name) {
        Path file = includes.resolve(name).normalize();
        if (name.contains("..") || !file.startsWith(includes) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
