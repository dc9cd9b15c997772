package dev.gazette.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
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

    /** The first and last years a date may have: pages, feeds and sitemaps print years with four digits. */
    public static final int FIRST_YEAR = 1000;
    public static final int LAST_YEAR = 9999;

    /**
     * @return the instant the text names, or empty when it is not a date in one of the accepted forms or its year
     *     (in the site's time zone) is outside {@value #FIRST_YEAR}-{@value #LAST_YEAR}
     */
    public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        return parseAnyYear(text, zone).filter(date -> date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR);
    }

    private static Optional<ZonedDateTime> parseAnyYear(String text, ZoneId zone) {
        String value = text.strip();
        ZonedDateTime common = parseCommon(value, zone);
        if (common != null) {
            return Optional.of(common);
        }
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
            return parseWritten(value, zone);
        }
    }

    /** "2016-03-21 12:00 EDT", "2014-09-08 12:00:00 EST": a date and time with a time zone's name or abbreviation. */
    private static final DateTimeFormatter WITH_ZONE_NAME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss][.SSS]' '").appendZoneText(java.time.format.TextStyle.SHORT)
            .toFormatter(Locale.US);
    private static final DateTimeFormatter WITH_ZONE_ID = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss][.SSS]' '").appendZoneRegionId().toFormatter(Locale.ROOT);
    /** Dates written out in English, as Jekyll and Hugo sites have them ("September 8, 2014", "8 Sep 2014"). */
    private static final List<DateTimeFormatter> WRITTEN = List.of(
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT));
    /** "-400" or "+530" at the end: an offset written without its leading zero (seen in Jekyll posts). */
    private static final Pattern SHORT_OFFSET = Pattern.compile("([+-])(\\d)(\\d\\d)$");

    /** The forms real Hugo and Jekyll sites use beyond ISO 8601; empty when none fits. */
    private static Optional<ZonedDateTime> parseWritten(String value, ZoneId zone) {
        Matcher shortOffset = SHORT_OFFSET.matcher(value);
        if (shortOffset.find() && value.length() > 16) {
            String fixed = value.substring(0, shortOffset.start()).stripTrailing() + " " + shortOffset.group(1) + "0"
                    + shortOffset.group(2) + shortOffset.group(3);
            for (DateTimeFormatter format : WITH_OFFSET) {
                try {
                    return Optional.of(OffsetDateTime.parse(fixed, format).atZoneSameInstant(zone));
                } catch (DateTimeException ignored) {
                    // try the next form
                }
            }
        }
        for (DateTimeFormatter format : List.of(WITH_ZONE_NAME, WITH_ZONE_ID)) {
            try {
                return Optional.of(ZonedDateTime.parse(value, format).withZoneSameInstant(zone));
            } catch (DateTimeException ignored) {
                // try the next form
            }
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(zone));
        } catch (DateTimeException ignored) {
            // try the written forms
        }
        for (DateTimeFormatter format : WRITTEN) {
            try {
                return Optional.of(LocalDate.parse(value, format).atStartOfDay(zone));
            } catch (DateTimeException ignored) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /**
     * The two forms nearly every article has, "2022-11-14" and "2022-11-14T09:30:00+01:00" (or "Z"), read
     * without a formatter: the formatters' parsing was a tenth of reading a big site's model. Anything else, or
     * an impossible date, gives null and goes through the formatters (which report it as they always did).
     */
    private static ZonedDateTime parseCommon(String v, ZoneId zone) {
        int n = v.length();
        if ((n != 10 && n != 20 && n != 25) || !digits(v, 0, 4) || v.charAt(4) != '-' || !digits(v, 5, 2)
                || v.charAt(7) != '-' || !digits(v, 8, 2)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(number(v, 0, 4), number(v, 5, 2), number(v, 8, 2));
            if (n == 10) {
                return date.atStartOfDay(zone);
            }
            if (v.charAt(10) != 'T' || !digits(v, 11, 2) || v.charAt(13) != ':' || !digits(v, 14, 2)
                    || v.charAt(16) != ':' || !digits(v, 17, 2)) {
                return null;
            }
            LocalDateTime time = date.atTime(number(v, 11, 2), number(v, 14, 2), number(v, 17, 2));
            ZoneOffset offset;
            if (n == 20) {
                if (v.charAt(19) != 'Z') {
                    return null;
                }
                offset = ZoneOffset.UTC;
            } else {
                char sign = v.charAt(19);
                if ((sign != '+' && sign != '-') || !digits(v, 20, 2) || v.charAt(22) != ':' || !digits(v, 23, 2)) {
                    return null;
                }
                int minutes = number(v, 20, 2) * 60 + number(v, 23, 2);
                offset = ZoneOffset.ofTotalSeconds((sign == '-' ? -minutes : minutes) * 60);
            }
            return OffsetDateTime.of(time, offset).atZoneSameInstant(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean digits(String v, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + v.charAt(i) - '0';
        }
        return value;
    }

    /** The date of a Jekyll-style file name ("2022-11-14-burns-ankara"), if it has one. */
    public static Optional<LocalDate> fromFileName(String baseName) {
        Matcher m = JEKYLL_FILE_NAME.matcher(baseName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (year < FIRST_YEAR) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(year, Integer.parseInt(m.group(2)),
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
