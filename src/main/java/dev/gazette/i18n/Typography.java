package dev.gazette.i18n;

/**
 * A language's typographic rules applied to running text (never to code or markup; the caller hands over text
 * only). French: a narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0) before : and inside
 * « », where the text has a space or guillemets have none; typographic apostrophes; no doubled spaces.
 */
public final class Typography {

    public static final char NARROW_NBSP = '\u202F';
    public static final char NBSP = '\u00A0';

    private Typography() {
    }

    /** Whether this language has rules here. */
    public static boolean applies(String lang) {
        return lang != null && DateFormats.primary(lang).equals("fr");
    }

    public static String apply(String text, String lang) {
        if (!applies(lang) || text.isEmpty()) {
            return text;
        }
        // the characters copied once: reading a non-Latin-1 string char by char cost twice as much
        char[] chars = text.toCharArray();
        return mayNeedFrench(chars) ? french(chars) : text;
    }

    /** Most text nodes hold none of the characters the French rules touch: skip them without copying. */
    private static boolean mayNeedFrench(char[] text) {
        for (int i = 0; i < text.length; i++) {
            switch (text[i]) {
                case ';', '!', '?', ':', '«', '»', '\'' -> {
                    return true;
                }
                case ' ' -> {
                    if (i + 1 < text.length && text[i + 1] == ' ') {
                        return true;
                    }
                }
                default -> {
                    // keep looking
                }
            }
        }
        return false;
    }

    static String french(String text) {
        return french(text.toCharArray());
    }

    private static String french(char[] text) {
        StringBuilder out = new StringBuilder(text.length + 8);
        int n = text.length;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            char next = i + 1 < n ? text[i + 1] : 0;
            char previous = out.length() > 0 ? out.charAt(out.length() - 1) : 0;
            if (c == ' ' || c == NBSP || c == NARROW_NBSP) {
                if (next == ';' || next == '!' || next == '?') {
                    appendSpace(out, NARROW_NBSP);
                } else if (next == ':' || next == '»') {
                    appendSpace(out, NBSP);
                } else if (previous == '«') {
                    appendSpace(out, NBSP);
                } else if (c == ' ' && (previous == ' ' || previous == NBSP || previous == NARROW_NBSP)) {
                    continue; // no doubled spaces
                } else {
                    out.append(c);
                }
            } else if (c == '»' && previous != 0 && !Character.isWhitespace(previous) && previous != NBSP) {
                out.append(NBSP).append(c);
            } else if (c == '«' && next != 0 && !Character.isWhitespace(next) && next != NBSP) {
                out.append(c).append(NBSP);
            } else if (c == '\'' && Character.isLetter(previous) && Character.isLetter(next)) {
                out.append('\u2019');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Replaces a trailing space just written, or the pending one, with the given kind of space. */
    private static void appendSpace(StringBuilder out, char space) {
        int last = out.length() - 1;
        if (last >= 0 && (out.charAt(last) == ' ' || out.charAt(last) == NBSP || out.charAt(last) == NARROW_NBSP)) {
            out.setCharAt(last, space);
        } else {
            out.append(space);
        }
    }
}
