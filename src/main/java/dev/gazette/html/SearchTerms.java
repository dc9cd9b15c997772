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

    /** The common words in an open-addressing table by the counter's hash, looked up without making strings. */
    private static final char[][] COMMON_KEYS = new char[256][];

    static {
        for (String word : COMMON) {
            int hash = word.hashCode(); // the counter's hash: 31 * h + c over the folded characters
            int slot = (hash ^ (hash >>> 16)) & (COMMON_KEYS.length - 1);
            while (COMMON_KEYS[slot] != null) {
                slot = (slot + 1) & (COMMON_KEYS.length - 1);
            }
            COMMON_KEYS[slot] = word.toCharArray();
        }
    }

    /** The folded form of every character of the Latin blocks, worked out once: most text never leaves them. */
    private static final String[] FOLDED = new String[0x250];
    /** The same as characters, read by the counter on its hot path. */
    private static final char[][] FOLDED_CHARS = new char[0x250][];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            FOLDED[c] = foldChar(c);
            FOLDED_CHARS[c] = FOLDED[c].toCharArray();
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
        private char[] word = new char[96];
        private char[][] keys = new char[512][];
        private int[] hashes = new int[512];
        private int[] counts = new int[512];
        private int size;

        /** Counts the word at text[from, to). */
        void add(String text, int from, int to) {
            add(text.toCharArray(), from, to);
        }

        /**
         * Counts the word at text[from, to). A char array, not a string: the walk copies each text node's
         * characters once, and reading a string of non-Latin-1 text one character at a time cost twice as much.
         */
        void add(char[] text, int from, int to) {
            if (to - from < 3) {
                return;
            }
            char[] w = word;
            if (w.length < to - from) {
                w = word = new char[(to - from) * 2];
            }
            int n = 0;
            int hash = 0;
            for (int i = from; i < to; i++) {
                char c = text[i];
                if (c < 128) {
                    char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                    w[n++] = lower;
                    hash = 31 * hash + lower;
                } else {
                    char[] folded = c < FOLDED_CHARS.length ? FOLDED_CHARS[c] : foldChar(c).toCharArray();
                    if (n + folded.length + (to - i) > w.length) {
                        w = word = java.util.Arrays.copyOf(w, (n + folded.length + (to - i)) * 2);
                    }
                    for (char f : folded) {
                        w[n++] = f;
                        hash = 31 * hash + f;
                    }
                }
            }
            if (n < 3) {
                return;
            }
            int mask = keys.length - 1;
            int slot = (hash ^ (hash >>> 16)) & mask;
            for (char[] key = keys[slot]; key != null; key = keys[slot]) {
                if (hashes[slot] == hash && java.util.Arrays.equals(key, 0, key.length, w, 0, n)) {
                    counts[slot]++;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = java.util.Arrays.copyOf(w, n);
            hashes[slot] = hash;
            counts[slot] = 1;
            if (++size * 2 > keys.length) {
                grow();
            }
        }

        private void grow() {
            char[][] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldCounts = counts;
            keys = new char[oldKeys.length * 2][];
            hashes = new int[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int hash = oldHashes[i];
                    int slot = (hash ^ (hash >>> 16)) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    hashes[slot] = hash;
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
            boolean[] indexable = new boolean[keys.length];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null && !allDigits(keys[i]) && !isCommon(keys[i], hashes[i])) {
                    indexable[i] = true;
                    histogram[counts[i]]++;
                }
            }
            int threshold = max;
            int above = 0;
            while (threshold > 1 && above + histogram[threshold] < PER_ARTICLE) {
                above += histogram[threshold];
                threshold--;
            }
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (indexable[i] && counts[i] >= threshold) {
                    n++;
                }
            }
            String[] candidates = new String[n];
            int[] candidateCounts = new int[n];
            n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (indexable[i] && counts[i] >= threshold) {
                    candidates[n] = new String(keys[i]); // strings only for the words that can make it
                    candidateCounts[n++] = counts[i];
                }
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> {
                int byCount = Integer.compare(candidateCounts[b], candidateCounts[a]);
                return byCount != 0 ? byCount : candidates[a].compareTo(candidates[b]);
            });
            List<String> top = new ArrayList<>(Math.min(PER_ARTICLE, n));
            for (int i = 0; i < n && i < PER_ARTICLE; i++) {
                top.add(candidates[order[i]]);
            }
            return top;
        }

        private static boolean isCommon(char[] word, int hash) {
            int mask = COMMON_KEYS.length - 1;
            for (int slot = (hash ^ (hash >>> 16)) & mask; COMMON_KEYS[slot] != null; slot = (slot + 1) & mask) {
                if (java.util.Arrays.equals(COMMON_KEYS[slot], word)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean allDigits(char[] s) {
            for (char c : s) {
                if (!Character.isDigit(c)) {
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
