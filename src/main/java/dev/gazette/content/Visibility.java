package dev.gazette.content;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Which articles a build publishes, judged against {@code now}: drafts and future articles only when asked,
 * expired articles never.
 */
public record Visibility(boolean drafts, boolean future, Instant now) {

    public Visibility {
        requireNonNull(now, "now is null");
    }

    public boolean shows(Article article) {
        if (article.draft() && !drafts) {
            return false;
        }
        var goesLive = article.publishDate() != null ? article.publishDate() : article.date();
        if (goesLive.toInstant().isAfter(now) && !future) {
            return false;
        }
        return article.expiryDate() == null || article.expiryDate().toInstant().isAfter(now);
    }
}
