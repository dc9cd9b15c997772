package dev.gazette.content;

import dev.gazette.config.SiteConfig;
import dev.gazette.source.SourceDocument;
import java.time.ZonedDateTime;

/** Article URLs from the site's permalink pattern (default {@value SiteConfig#DEFAULT_PERMALINK}). */
public final class Permalinks {

    private Permalinks() {
    }

    private static String pad(int n, int digits) {
        String text = Integer.toString(n);
        return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
    }

    /** The site path of an article, base path included, always ending in "/". */
    public static String expand(SiteConfig config, SourceDocument doc, ZonedDateTime date, String slug) {
        // each part worked out only when the pattern uses it (a file name's slug, for one, is not free)
        String path = config.permalink();
        path = replace(path, ":year", () -> pad(date.getYear(), 4));
        path = replace(path, ":month", () -> pad(date.getMonthValue(), 2));
        path = replace(path, ":day", () -> pad(date.getDayOfMonth(), 2));
        path = replace(path, ":slug", () -> slug);
        path = replace(path, ":section", () -> Slugs.ofName(doc.section()));
        path = replace(path, ":filename", () -> Slugs.of(Dates.withoutDatePrefix(doc.baseName())));
        return Urls.url(config.basePath(), path);
    }

    private static String replace(String path, String token, java.util.function.Supplier<String> value) {
        return path.contains(token) ? path.replace(token, value.get()) : path;
    }
}
