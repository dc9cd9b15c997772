package dev.gazette.i18n;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Dates as readers of a language write them ("14 novembre 2022", "14. November 2022", "November 14, 2022"). */
public final class DateFormats {

    private DateFormats() {
    }

    public static String longDate(ZonedDateTime date, String lang) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang)).format(date);
    }

    /** Month and year, as archive headings show them ("novembre 2022"). */
    public static String monthYear(TemporalAccessor month, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        String text = DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
        return text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    /** Machine-readable form for {@code <time datetime>}: ISO 8601 with offset, to the second. */
    public static String iso(ZonedDateTime date) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.withNano(0));
    }
}
