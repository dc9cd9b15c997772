package dev.gazette.content;

import static java.util.Objects.requireNonNull;

import dev.gazette.config.SiteConfig;
import java.util.List;

/**
 * The whole site, immutable: every published article newest first, the taxonomies and the archive. Every URL is
 * known here, before any body is rendered.
 */
public record Site(SiteConfig config, List<Article> articles, List<Taxonomy> taxonomies, List<ArchiveYear> years) {

    public Site {
        requireNonNull(config, "config is null");
        articles = List.copyOf(articles);
        taxonomies = List.copyOf(taxonomies);
        years = List.copyOf(years);
    }

    public String url(String path) {
        return Urls.url(config.basePath(), path);
    }
}
