package dev.gazette.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    private static SearchTerms.Counter count(String text) {
        SearchTerms.Counter counter = new SearchTerms.Counter();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                counter.add(text, start, i);
                start = -1;
            }
        }
        return counter;
    }

    @Test
    void foldsCaseAndAccentsAndKeepsEveryDistinctWordOnce() {
        SearchTerms.Counter counter = count("Élysée élysée ELYSEE Straße cœur Cœur Æsop 2022 les the un Zürich Peskov");

        assertThat(counter.distinct().split(" ")).containsExactlyInAnyOrder("aesop", "coeur", "elysee", "les",
                "peskov", "strasse", "the", "zurich");
        assertThat(SearchTerms.words("Kremlin spokesman Dmitry Peskov, Kremlin")).containsExactly("dmitry", "kremlin",
                "peskov", "spokesman");
    }

    @Test
    void decomposedAccentsFoldLikeComposedOnes() {
        assertThat(SearchTerms.fold("e\u0301lyse\u0301e")).isEqualTo(SearchTerms.fold("élysée")).isEqualTo("elysee");
    }

    @Test
    void stopWordsAreThoseOfTheLanguageFolded() {
        assertThat(StopWords.of("fr")).contains("dans", "avec", "etaient").doesNotContain("the", "kremlin");
        assertThat(StopWords.of("en")).contains("the", "which").doesNotContain("dans");
        assertThat(StopWords.of("de-AT")).contains("uber", "und");
        assertThat(StopWords.of("cs")).isNotEmpty();
        assertThat(StopWords.of("xx")).isEmpty();
    }
}
