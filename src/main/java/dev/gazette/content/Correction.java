package dev.gazette.content;

import static java.util.Objects.requireNonNull;

import java.time.ZonedDateTime;

/** A correction published with an article: when, and what was corrected. */
public record Correction(ZonedDateTime date, String text) {

    public Correction {
        requireNonNull(date, "date is null");
        requireNonNull(text, "text is null");
    }
}
