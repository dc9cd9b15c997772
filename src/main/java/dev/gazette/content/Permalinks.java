package dev.gazette.content;

import dev.gazette.config.SiteConfig;
import dev.gazette.source.SourceDocument;
import java.time.ZonedDateTime;

/** Article URLs from the site's permalink pattern (default {@value SiteConfig#DEFAULT_PERMALINK}). */
public final class Permalinks {

    private Permalinks() {
    }

    /** The site path of an article, base path included, always ending in "/". */
    public static String expand(SiteConfig config, SourceDocument doc, ZonedDateTime date, String slug) {
        String path = config.permalink()
                .replace(":year", String.format("%04d", date.getYear()))
                .replace(":month", String.format("%02d", date.getMonthValue()))
                .replace(":day", String.format("%02d", date.getDayOfMonth()))
                .replace(":slug", slug)
                .replace(":section", Slugs.of(doc.section()))
                .replace(":filename", Slugs.of(Dates.withoutDatePrefix(doc.baseName())));
        return Urls.url(config.basePath(), path);
    }
}
