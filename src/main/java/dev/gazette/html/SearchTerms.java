package dev.gazette.html;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words worth indexing for the site search: lower case, accents removed ("Élysée" is found by "elysee"), at least
 * three letters, not among the most common words of the theme's languages. The browser-side search folds queries
 * the same way (templates/assets/search.js).
 */
public final class SearchTerms {

    /** Terms kept per article: enough to find it, small enough to keep the index light. */
    public static final int PER_ARTICLE = 40;

    private static final Set<String> COMMON = Set.copyOf(java.util.Arrays.asList(
            "the", "and", "for", "that", "with", "this", "from", "are", "was", "were", "has", "have", "had", "not",
            "but", "his", "her", "their", "they", "its", "which", "who", "will", "would", "been", "said", "after",
            "les", "des", "une", "est", "pour", "dans", "par", "sur", "qui", "que", "pas", "avec", "son", "ses",
            "aux", "plus", "ont", "ete", "elle", "ils", "mais", "cette", "selon", "leur", "comme", "sont",
            "der", "die", "das", "und", "den", "dem", "ein", "eine", "ist", "mit", "von", "auf", "fur", "sich",
            "los", "las", "del", "por", "con", "para", "una", "que", "como", "mas", "sus",
            "della", "delle", "degli", "con", "per", "non", "sono", "het", "een", "van", "voor", "niet", "zijn"));

    private SearchTerms() {
    }

    static void count(String text, int from, int to, Map<String, Integer> tokens) {
        if (to - from < 3) {
            return;
        }
        char[] word = new char[to - from];
        for (int i = from; i < to; i++) {
            word[i - from] = Character.toLowerCase(text.charAt(i));
        }
        tokens.merge(new String(word), 1, Integer::sum);
    }

    /** The most frequent indexable words, folded, most frequent first (ties alphabetical). */
    static List<String> top(Map<String, Integer> tokens) {
        Map<String, Integer> folded = new java.util.HashMap<>();
        tokens.forEach((word, n) -> {
            String f = fold(word);
            if (f.length() >= 3 && !COMMON.contains(f) && !f.chars().allMatch(Character::isDigit)) {
                folded.merge(f, n, Integer::sum);
            }
        });
        return folded.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(PER_ARTICLE)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Lower case without accents. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean ascii = lower.chars().allMatch(c -> c < 128);
        if (ascii) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
    }
}
