package dev.gazette.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022-11-14                    | 2022-11-14T00:00+01:00[Europe/Paris]",
            "2022-11-14T09:30              | 2022-11-14T09:30+01:00[Europe/Paris]",
            "2022-11-14 09:30:15           | 2022-11-14T09:30:15+01:00[Europe/Paris]",
            "2022-11-14T09:30:00Z          | 2022-11-14T10:30+01:00[Europe/Paris]",
            "2022-11-14T09:30:00+05:00     | 2022-11-14T05:30+01:00[Europe/Paris]",
            "2022-11-14T23:30:00-03:30     | 2022-11-15T04:00+01:00[Europe/Paris]",
            "2022-11-14 09:30:00 +0100     | 2022-11-14T09:30+01:00[Europe/Paris]",
            "2022-07-01T12:00:00.250-04:00 | 2022-07-01T18:00:00.250+02:00[Europe/Paris]",
            // forms found in real Hugo and Jekyll sites' front matter
            "2016-03-21 12:00 EDT          | 2016-03-21T17:00+01:00[Europe/Paris]",
            "2014-12-01 10:00:00 America/New_York | 2014-12-01T16:00+01:00[Europe/Paris]",
            "2016-06-17 12:00-400          | 2016-06-17T18:00+02:00[Europe/Paris]",
            "2016-06-17 12:00:00 +530      | 2016-06-17T08:30+02:00[Europe/Paris]",
            "'September 8, 2014'           | 2014-09-08T00:00+02:00[Europe/Paris]",
            "8 Sep 2014                    | 2014-09-08T00:00+02:00[Europe/Paris]",
            "'Mon, 8 Sep 2014 10:00:00 GMT' | 2014-09-08T12:00+02:00[Europe/Paris]",
            "2014/09/08                    | 2014-09-08T00:00+02:00[Europe/Paris]",
    })
    void frontMatterDatesInHugoAndJekyllFormsAreRead(String text, String expected) {
        assertThat(Dates.parse(text, PARIS)).contains(ZonedDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"14/11/2022", "yesterday", "2022-13-01", "2022-02-30", ""})
    void otherTextIsNotADate(String text) {
        assertThat(Dates.parse(text, PARIS)).isEmpty();
    }

    @Test
    void jekyllFileNamesGiveADateAndASlug() {
        assertThat(Dates.fromFileName("2022-11-14-burns-ankara")).contains(LocalDate.of(2022, 11, 14));
        assertThat(Dates.withoutDatePrefix("2022-11-14-burns-ankara")).isEqualTo("burns-ankara");
        assertThat(Dates.fromFileName("burns-ankara")).isEmpty();
        assertThat(Dates.fromFileName("2022-02-31-bad")).isEmpty();
        assertThat(Dates.withoutDatePrefix("burns")).isEqualTo("burns");
    }
}
