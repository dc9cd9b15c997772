package dev.gazette.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2022-11-14T08:05:09+01:00", "2019-03-01T00:00Z", "2024-12-31T23:59:59.999-05:30",
        "2022-06-01T12:00+05:45", "0999-01-01T00:00Z", "2022-01-01T00:00:00+00:00:30"})
    void isoPrintsWhatTheIsoFormatterPrintsToTheSecond(String text) {
        ZonedDateTime date = ZonedDateTime.parse(text);
        assertThat(DateFormats.iso(date)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.withNano(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "fr-CA", "pt_BR", "EN"})
    void frenchFirstOfTheMonthAndLanguageTags(String lang) {
        String date = DateFormats.longDate(ZonedDateTime.parse("2022-11-01T10:00+01:00"), lang);
        assertThat(date).isEqualTo(lang.startsWith("fr") ? "1er novembre 2022"
                : lang.startsWith("pt") ? "1 de novembro de 2022" : "November 1, 2022");
    }
}
