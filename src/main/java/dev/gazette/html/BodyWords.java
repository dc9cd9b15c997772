package dev.gazette.html;

/**
 * The words of a body as its text goes by, node after node: how many (a word runs on across inline elements and
 * ends at a block's edge) and which, for the search index.
 */
final class BodyWords {

    private static final boolean[] ASCII_SPACE = new boolean[128];
    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_SPACE[c] = Character.isWhitespace(c);
            ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
        }
    }

    final SearchTerms.Counter tokens = new SearchTerms.Counter();
    int words;
    private boolean inWord;
    /** A text's characters, copied once: reading non-Latin-1 strings char by char cost twice as much. */
    private char[] chars = new char[256];

    /** A block element starts or ends here: no word runs across. */
    void boundary() {
        inWord = false;
    }

    /** Counts the words of a run of text and the search terms in it. */
    void count(String text) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] cs = chars;
        text.getChars(0, n, cs, 0);
        int tokenStart = -1;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            boolean space;
            boolean letter;
            if (c < 128) {
                space = ASCII_SPACE[c];
                letter = ASCII_LETTER_OR_DIGIT[c];
            } else {
                space = Character.isWhitespace(c) || c == '\u00A0';
                letter = Character.isLetterOrDigit(c);
            }
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
            if (letter && tokenStart < 0) {
                tokenStart = i;
            } else if (!letter && tokenStart >= 0) {
                tokens.add(cs, tokenStart, i);
                tokenStart = -1;
            }
        }
        if (tokenStart >= 0) {
            tokens.add(cs, tokenStart, n);
        }
    }
}
