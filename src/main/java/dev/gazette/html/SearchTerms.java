package dev.gazette.html;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** The folded form of every character of the Latin blocks, worked out once: most text never leaves them. */
    private static final String[] FOLDED = new String[0x250];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            FOLDED[c] = foldChar(c);
        }
    }

    private SearchTerms() {
    }

    /**
     * Counts the folded words of one body's text, as the walk over it finds them. Folding each character as it is
     * read, instead of each distinct word at the end, keeps the Unicode normalizer off the hot path.
     */
    static final class Counter {
        private final Map<String, int[]> counts = new HashMap<>();
        private final StringBuilder word = new StringBuilder(32);

        /** Counts the word at text[from, to). */
        void add(String text, int from, int to) {
            if (to - from < 3) {
                return;
            }
            word.setLength(0);
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < 128) {
                    word.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                } else {
                    word.append(c < FOLDED.length ? FOLDED[c] : foldChar(c));
                }
            }
            if (word.length() < 3) {
                return;
            }
            String key = word.toString();
            int[] n = counts.get(key);
            if (n == null) {
                counts.put(key, new int[] {1});
            } else {
                n[0]++;
            }
        }

        /** The most frequent indexable words, most frequent first (ties alphabetical). */
        List<String> top() {
            List<Map.Entry<String, int[]>> kept = new ArrayList<>(counts.size());
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                if (!COMMON.contains(e.getKey()) && !allDigits(e.getKey())) {
                    kept.add(e);
                }
            }
            kept.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                    ? Integer.compare(b.getValue()[0], a.getValue()[0])
                    : a.getKey().compareTo(b.getKey()));
            List<String> top = new ArrayList<>(Math.min(PER_ARTICLE, kept.size()));
            for (int i = 0; i < kept.size() && i < PER_ARTICLE; i++) {
                top.add(kept.get(i).getKey());
            }
            return top;
        }

        private static boolean allDigits(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (!Character.isDigit(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Lower case without accents. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < FOLDED.length ? FOLDED[c] : foldChar(c));
        }
        return out.toString();
    }

    private static String foldChar(char c) {
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return "";
        }
        String lower = String.valueOf(Character.toLowerCase(c));
        if (lower.charAt(0) < 128) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                out.append(d);
            }
        }
        return switch (out.toString()) {
            case "œ" -> "oe";
            case "æ" -> "ae";
            case "ß" -> "ss";
            default -> out.toString();
        };
    }
}
