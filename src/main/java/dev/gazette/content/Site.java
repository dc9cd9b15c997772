package dev.gazette.content;

import static java.util.Objects.requireNonNull;

import dev.gazette.config.SiteConfig;
import java.util.List;
import java.util.Map;

/**
 * The whole site, immutable: every published article newest first, the pages (undated, in no list), the taxonomies and the archive, author
 * profiles by slug, and when the site next changes by itself. Every URL is known here, before any body is
 * rendered.
 */
public record Site(SiteConfig config, List<Article> articles, List<Article> pages, List<Taxonomy> taxonomies,
        List<ArchiveYear> years, Map<String, AuthorProfile> authors, Schedule schedule) {

    public Site {
        requireNonNull(config, "config is null");
        requireNonNull(schedule, "schedule is null");
        articles = List.copyOf(articles);
        pages = List.copyOf(pages);
        taxonomies = List.copyOf(taxonomies);
        years = List.copyOf(years);
        authors = Map.copyOf(authors);
    }

    /** The articles, then the pages: everything with a page and a file links can name. */
    public List<Article> articlesAndPages() {
        List<Article> all = new java.util.ArrayList<>(articles);
        all.addAll(pages);
        return all;
    }

    public String url(String path) {
        return Urls.url(config.basePath(), path);
    }
}
