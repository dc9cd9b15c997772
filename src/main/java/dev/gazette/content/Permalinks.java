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
        String path = config.permalink()
                .replace(":year", pad(date.getYear(), 4))
                .replace(":month", pad(date.getMonthValue(), 2))
                .replace(":day", pad(date.getDayOfMonth(), 2))
                .replace(":slug", slug)
                .replace(":section", Slugs.ofName(doc.section()))
                .replace(":filename", Slugs.of(Dates.withoutDatePrefix(doc.baseName())));
        return Urls.url(config.basePath(), path);
    }
}
