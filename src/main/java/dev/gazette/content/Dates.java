package dev.gazette.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as written in front matter by Hugo and Jekyll users: "2022-11-14", "2022-11-14T09:30",
 * "2022-11-14 09:30:00 +0100", "2022-11-14T09:30:00Z". A date without an offset is in the site's time zone.
 */
public final class Dates {

    private static final Pattern JEKYLL_FILE_NAME = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-(.*)$");

    private static final List<DateTimeFormatter> WITH_OFFSET = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss][.SSS][' ']")
                    .appendOffset("+HHMM", "Z").toFormatter(),
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss][.SSS][' ']")
                    .appendOffset("+HH:MM", "Z").toFormatter());

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss][.SSS]").toFormatter();

    private Dates() {
    }

    /** @return the instant the text names, or empty when it is not a date in one of the accepted forms */
    public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        String value = text.strip();
        for (DateTimeFormatter format : WITH_OFFSET) {
            try {
                return Optional.of(OffsetDateTime.parse(value, format).atZoneSameInstant(zone));
            } catch (DateTimeException ignored) {
                // try the next form
            }
        }
        try {
            return Optional.of(LocalDateTime.parse(value, LOCAL).atZone(zone));
        } catch (DateTimeException ignored) {
            // try a plain date
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay(zone));
        } catch (DateTimeException ignored) {
            return Optional.empty();
        }
    }

    /** The date of a Jekyll-style file name ("2022-11-14-burns-ankara"), if it has one. */
    public static Optional<LocalDate> fromFileName(String baseName) {
        Matcher m = JEKYLL_FILE_NAME.matcher(baseName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The file name without a Jekyll date prefix ("burns-ankara" for "2022-11-14-burns-ankara"). */
    public static String withoutDatePrefix(String baseName) {
        Matcher m = JEKYLL_FILE_NAME.matcher(baseName);
        return m.matches() && !m.group(4).isEmpty() ? m.group(4) : baseName;
    }
}
