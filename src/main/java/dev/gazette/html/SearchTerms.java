package dev.gazette.html;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
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
     * read, instead of each distinct word at the end, keeps the Unicode normalizer off the hot path; words are
     * folded into one reused buffer and counted in an open-addressing table, so a word seen before costs no
     * allocation.
     */
    static final class Counter {
        private char[] word = new char[32];
        private int length;
        private String[] keys = new String[512];
        private int[] counts = new int[512];
        private int size;

        /** Counts the word at text[from, to). */
        void add(String text, int from, int to) {
            if (to - from < 3) {
                return;
            }
            length = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < 128) {
                    put(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                } else {
                    String folded = c < FOLDED.length ? FOLDED[c] : foldChar(c);
                    for (int k = 0; k < folded.length(); k++) {
                        put(folded.charAt(k));
                    }
                }
            }
            if (length < 3) {
                return;
            }
            int hash = 0;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + word[i];
            }
            int mask = keys.length - 1;
            int slot = (hash ^ (hash >>> 16)) & mask;
            for (String key = keys[slot]; key != null; key = keys[slot]) {
                if (same(key)) {
                    counts[slot]++;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = new String(word, 0, length);
            counts[slot] = 1;
            if (++size * 2 > keys.length) {
                grow();
            }
        }

        private void put(char c) {
            if (length == word.length) {
                word = java.util.Arrays.copyOf(word, length * 2);
            }
            word[length++] = c;
        }

        private boolean same(String key) {
            if (key.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (key.charAt(i) != word[i]) {
                    return false;
                }
            }
            return true;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new String[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                String key = oldKeys[i];
                if (key != null) {
                    int hash = key.hashCode();
                    int slot = (hash ^ (hash >>> 16)) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = key;
                    counts[slot] = oldCounts[i];
                }
            }
        }

        /**
         * The most frequent indexable words, most frequent first (ties alphabetical). Only the words frequent
         * enough to be among the first {@value #PER_ARTICLE} are sorted: a histogram of the counts gives the
         * lowest count that can still make it.
         */
        List<String> top() {
            int max = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null && counts[i] > max) {
                    max = counts[i];
                }
            }
            int[] histogram = new int[max + 1];
            boolean[] kept = new boolean[keys.length];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null && !COMMON.contains(keys[i]) && !allDigits(keys[i])) {
                    kept[i] = true;
                    histogram[counts[i]]++;
                }
            }
            int threshold = max;
            int above = 0;
            while (threshold > 1 && above + histogram[threshold] < PER_ARTICLE) {
                above += histogram[threshold];
                threshold--;
            }
            List<String> candidates = new ArrayList<>();
            List<Integer> candidateCounts = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                if (kept[i] && counts[i] >= threshold) {
                    candidates.add(keys[i]);
                    candidateCounts.add(counts[i]);
                }
            }
            Integer[] order = new Integer[candidates.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> {
                int byCount = Integer.compare(candidateCounts.get(b), candidateCounts.get(a));
                return byCount != 0 ? byCount : candidates.get(a).compareTo(candidates.get(b));
            });
            List<String> top = new ArrayList<>(Math.min(PER_ARTICLE, order.length));
            for (int i = 0; i < order.length && i < PER_ARTICLE; i++) {
                top.add(candidates.get(order[i]));
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
