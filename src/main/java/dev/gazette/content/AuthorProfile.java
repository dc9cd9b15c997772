package dev.gazette.content;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What data/authors.yaml says about an author: shown on their page and linked from bylines.
 *
 * @param avatar a site path or URL of their picture, or null
 * @param url their own site, or null
 * @param social network name to URL ("mastodon" to "https://..."), in file order
 */
public record AuthorProfile(String name, String slug, String bio, String avatar, String url, Map<String, String> social) {

    public AuthorProfile {
        requireNonNull(name, "name is null");
        requireNonNull(slug, "slug is null");
        bio = bio == null ? "" : bio;
        social = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(social));
    }
}
