package dev.gazette.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CIA Director Bill Burns meeting with Russian counterpart Monday | cia-director-bill-burns-meeting-with-russian-counterpart-monday",
            "Élysée : l'œuvre de l'État              | elysee-loeuvre-de-letat",
            "Straße, Łódź, Øresund, Đakovo, Æsir     | strasse-lodz-oresund-dakovo-aesir",
            "  --Hello---World--  !!                 | hello-world",
            "Fish & Chips                             | fish-and-chips",
            "Ｆｕｌｌｗｉｄｔｈ ２０２２               | fullwidth-2022",
            "2-1 win in 90+3'                        | 2-1-win-in-90-3",
    })
    void slugsAreLowerCaseAsciiWordsJoinedByHyphens(String title, String slug) {
        assertThat(Slugs.of(title)).isEqualTo(slug);
    }

    @Test
    void theLatinAndPunctuationTablesGiveWhatNormalizingTheWholeTextGives() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x2070; c = c == 0x24F ? 0x2000 : (char) (c + 1)) {
            every.append(c);
            String one = String.valueOf(c);
            assertThat(Slugs.transliterate(one)).as("U+%04X", (int) c).isEqualTo(Slugs.transliterateSlowly(one));
        }
        assertThat(Slugs.transliterate(every.toString())).isEqualTo(Slugs.transliterateSlowly(every.toString()));
        String reversed = every.reverse().toString();
        assertThat(Slugs.transliterate(reversed)).isEqualTo(Slugs.transliterateSlowly(reversed));
        for (String text : new String[] {"À Angers, la désertification médicale", "İstanbul ǄEMAL Ǳ ǲ", "Œuvre & Æsir ßþð",
                "Mixed Latin and Ελληνικά", "Ｆｕｌｌｗｉｄｔｈ", "L’Élysée — « vraiment ? »\u202Fdit-il…",
                "Quote‘s and dash–es ‐ ‑ ‒ ― ‖ ′ ″ ‹ › ⁄ \u2000\u200B\u2028\u2060", "e\u0301 and ’\u0301 combined"}) {
            assertThat(Slugs.transliterate(text)).as(text).isEqualTo(Slugs.transliterateSlowly(text));
        }
    }

    @Test
    void textWithoutLettersOrDigitsGivesAnEmptySlug() {
        assertThat(Slugs.of("¿¡ — !?")).isEmpty();
        assertThat(Slugs.of("東京")).isEmpty();
    }

    @Test
    void longTitlesAreCutAtAWordBoundaryUnderEightyCharacters() {
        String title = "The quick brown fox jumps over the lazy dog while the newsroom waits for the final count of votes";
        String slug = Slugs.of(title);
        assertThat(slug.length()).isLessThan(Slugs.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-");
        assertThat(title.toLowerCase().replace(' ', '-')).startsWith(slug + "-");
    }

    @Test
    void oneVeryLongWordIsCutAtTheLimit() {
        assertThat(Slugs.of("a".repeat(200))).hasSize(Slugs.MAX_LENGTH - 1);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "My-Mixed-Slug          | My-Mixed-Slug",
            "hello_world.v2         | hello_world.v2",
            "Élysée Palace          | Elysee-Palace",
            "../../../../tmp/x      | tmp-x",
            "..                     | ''",
            "a/../b                 | a-..-b",
            "what?! now             | what-now",
    })
    void frontMatterSlugsAreKeptAsWrittenWhereAUrlAllows(String given, String expected) {
        org.assertj.core.api.Assertions.assertThat(Slugs.asWritten(given)).isEqualTo(expected);
    }
}
