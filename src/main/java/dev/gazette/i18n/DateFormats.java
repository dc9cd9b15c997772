package dev.gazette.i18n;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Dates as readers of a language write them: "14 novembre 2022", "14. November 2022", "November 14, 2022", with
 * the weekday in the full form ("lundi 14 novembre 2022"). French writes the first of the month "1er".
 */
public final class DateFormats {

    private static final Pattern FRENCH_FIRST = Pattern.compile("(^|\\s)1(\\s)");

    /** Formatters by language and style: immutable, and finding a locale's pattern is not free. */
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private DateFormats() {
    }

    /** Day, month and year ("14 novembre 2022"). */
    public static String longDate(ZonedDateTime date, String lang) {
        return localized(date, lang, FormatStyle.LONG);
    }

    /** Weekday, day, month and year ("lundi 14 novembre 2022", "Montag, 14. November 2022"). */
    public static String fullDate(ZonedDateTime date, String lang) {
        return localized(date, lang, FormatStyle.FULL);
    }

    private static String localized(ZonedDateTime date, String lang, FormatStyle style) {
        // a day's text, made once per language and style: a site's articles share days, and every article's
        // page and card shows its date (formatting with a localized pattern was 1.6% of a build); keyed by the
        // day's number, as a record's equals and hashCode cost more than the formatting saved
        Days languageDays = DAYS.get(lang);
        if (languageDays == null) {
            languageDays = DAYS.computeIfAbsent(lang, l -> new Days());
        }
        Map<Long, String> days = languageDays.of(style);
        long day = date.toLocalDate().toEpochDay();
        String text = days.get(day);
        if (text == null) {
            text = format(LocalDate.ofEpochDay(day), lang, style);
            days.put(day, text);
        }
        return text;
    }

    /** One language's texts of days, for the two styles shown. */
    private static final class Days {
        private final Map<Long, String> longs = new ConcurrentHashMap<>();
        private final Map<Long, String> fulls = new ConcurrentHashMap<>();

        Map<Long, String> of(FormatStyle style) {
            return switch (style) {
                case LONG -> longs;
                case FULL -> fulls;
                default -> throw new IllegalArgumentException("no kept texts for " + style);
            };
        }
    }

    private static String format(LocalDate day, String lang, FormatStyle style) {
        String text = FORMATTERS.computeIfAbsent(lang + "/" + style,
                k -> DateTimeFormatter.ofLocalizedDate(style).withLocale(Locale.forLanguageTag(lang.replace('_', '-'))))
                .format(day);
        if (day.getDayOfMonth() == 1 && primary(lang).equals("fr")) {
            text = FRENCH_FIRST.matcher(text).replaceFirst("$11er$2");
        }
        return text;
    }

    /** Texts of days by language and style, at most a day of every year a site covers. */
    private static final Map<String, Days> DAYS = new ConcurrentHashMap<>();

    /** Month and year, as archive headings show them ("Novembre 2022"). */
    public static String monthYear(TemporalAccessor month, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        String text = DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
        return text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    /** Machine-readable form for {@code <time datetime>}: ISO 8601 with offset, to the second. */
    public static String iso(ZonedDateTime date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.withNano(0));
        }
        // what ISO_OFFSET_DATE_TIME prints, written out: every page and feed prints several dates
        StringBuilder text = new StringBuilder(25).append(year).append('-');
        two(text, date.getMonthValue()).append('-');
        two(text, date.getDayOfMonth()).append('T');
        two(text, date.getHour()).append(':');
        two(text, date.getMinute()).append(':');
        two(text, date.getSecond());
        return text.append(date.getOffset().getId()).toString();
    }

    private static StringBuilder two(StringBuilder text, int n) {
        return text.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** The primary language of a tag: "pt" for "pt-BR" or "pt_BR", lower case. */
    public static String primary(String lang) {
        int end = 0;
        while (end < lang.length() && lang.charAt(end) != '-' && lang.charAt(end) != '_') {
            end++;
        }
        return lang.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
