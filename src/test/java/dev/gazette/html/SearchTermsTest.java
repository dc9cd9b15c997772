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
    void foldsCaseAndAccentsWhileCountingAndRanksByFrequencyThenAlphabet() {
        SearchTerms.Counter counter = count("Élysée élysée ELYSEE Straße cœur Cœur Æsop 2022 les the un Zürich");

        assertThat(counter.top()).containsExactly("elysee", "coeur", "aesop", "strasse", "zurich");
    }

    @Test
    void decomposedAccentsFoldLikeComposedOnes() {
        assertThat(SearchTerms.fold("e\u0301lyse\u0301e")).isEqualTo(SearchTerms.fold("élysée")).isEqualTo("elysee");
    }

    @Test
    void keepsAtMostTheTermsPerArticle() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SearchTerms.PER_ARTICLE + 10; i++) {
            text.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        assertThat(count(text.toString()).top()).hasSize(SearchTerms.PER_ARTICLE).startsWith("wordaa", "wordab");
    }
}
