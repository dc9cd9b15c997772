package dev.gazette.content;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A way of grouping articles (tags, categories, authors): its index URL and its terms sorted by name. */
public record Taxonomy(String name, String url, List<Term> terms) {

    public Taxonomy {
        requireNonNull(name, "name is null");
        requireNonNull(url, "url is null");
        terms = List.copyOf(terms);
    }
}
