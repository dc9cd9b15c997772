package dev.gazette.content;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One tag, category or author: its name as first written, its slug and URL, and its articles newest first. */
public record Term(String name, String slug, String url, List<Article> articles) {

    public Term {
        requireNonNull(name, "name is null");
        requireNonNull(slug, "slug is null");
        requireNonNull(url, "url is null");
        articles = List.copyOf(articles);
    }
}
