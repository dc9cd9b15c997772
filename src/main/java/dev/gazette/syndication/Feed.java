package dev.gazette.syndication;

import static java.util.Objects.requireNonNull;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A feed: the site's or one term's newest articles.
 *
 * @param pageUrl absolute URL of the HTML page the feed follows (the front page, a tag page)
 * @param baseUrl absolute URL of the folder the feed files go in, ending in "/"
 * @param updated the newest article's last change, never the build time, so unchanged feeds stay byte-identical
 */
public record Feed(String title, String description, String pageUrl, String baseUrl, String lang,
        ZonedDateTime updated, List<FeedItem> items) {

    public static final String RSS = "feed.xml";
    public static final String ATOM = "atom.xml";
    public static final String JSON = "feed.json";

    public Feed {
        requireNonNull(title, "title is null");
        requireNonNull(pageUrl, "pageUrl is null");
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(updated, "updated is null");
        description = description == null ? "" : description;
        items = List.copyOf(items);
    }
}
