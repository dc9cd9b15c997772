package dev.gazette.html;

import java.text.Normalizer;

/**
 * Words worth indexing for the site search: lower case, accents removed ("Élysée" is found by "elysee"), at least
 * three letters. The browser-side search folds queries the same way (templates/assets/search.js).
 */
public final class SearchTerms {

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
        private char[][] keys;
        private int[] hashes;
        private int[] counts;
        private int size;

        Counter() {
            this(512);
        }

        /** @param slots the table's first size, a power of two */
        Counter(int slots) {
            keys = new char[slots][];
            hashes = new int[slots];
            counts = new int[slots];
        }

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
         * Every word counted, once, as one string separated by spaces, in the table's order (the same for the
         * same text; the search index sorts the words of all articles once, so sorting each article's words cost
         * 2% of a build for nothing); words made of digits only are left out (a year or a score is found by the
         * words around it). Stop words are left to the index, which knows each article's language
         * ({@link StopWords}).
         */
        String distinct() {
            StringBuilder out = new StringBuilder(size * 8);
            for (char[] key : keys) {
                if (key != null && !allDigits(key)) {
                    if (out.length() > 0) {
                        out.append(' ');
                    }
                    out.append(key);
                }
            }
            return out.toString();
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
    /** The distinct folded words of a text (at least three letters, not digits only), in code-point order. */
    public static java.util.List<String> words(String text) {
        Counter counter = new Counter(64);
        char[] chars = text.toCharArray();
        int start = -1;
        for (int i = 0; i <= chars.length; i++) {
            boolean letter = i < chars.length && Character.isLetterOrDigit(chars[i]);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                counter.add(chars, start, i);
                start = -1;
            }
        }
        String distinct = counter.distinct();
        if (distinct.isEmpty()) {
            return java.util.List.of();
        }
        String[] words = distinct.split(" ");
        java.util.Arrays.sort(words);
        return java.util.List.of(words);
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
