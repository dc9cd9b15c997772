package dev.gazette.syndication;

import static java.util.Objects.requireNonNull;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One article as feeds show it. URLs are absolute.
 *
 * @param authors every author, with the absolute URL of their page (null when there is none)
 * @param categories tags and categories, by name
 * @param contentHtml the full body, or null when the feed carries summaries only
 * @param image absolute URL of the lead image, or null
 */
public record FeedItem(String title, String url, ZonedDateTime published, ZonedDateTime updated,
        List<Person> authors, List<String> categories, String summary, String contentHtml, String lang,
        String image) {

    /** A name and, when there is one, the URL of their page. */
    public record Person(String name, String url) {
        public Person {
            requireNonNull(name, "name is null");
        }
    }

    public FeedItem {
        requireNonNull(title, "title is null");
        requireNonNull(url, "url is null");
        requireNonNull(published, "published is null");
        requireNonNull(updated, "updated is null");
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        summary = summary == null ? "" : summary;
    }
}
