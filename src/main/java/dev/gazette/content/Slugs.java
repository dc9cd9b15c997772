package dev.gazette.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * URL slugs from titles and names: lower-case ASCII words joined by hyphens, accents transliterated rather than
 * dropped ("Élysée" gives "elysee", "Œuvre" gives "oeuvre", "Straße" gives "strasse").
 */
public final class Slugs {

    /** Slugs stay under this many characters, cut at a word boundary. */
    public static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    private static final int NAME_CACHE_LIMIT = 100_000;
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    /**
     * The slug of a name that comes back again and again (a tag, a category, an author, a section), remembered:
     * the same few hundred names are slugged for every article that carries them.
     */
    public static String ofName(String name) {
        String slug = NAMES.get(name);
        if (slug == null) {
            slug = of(name);
            if (NAMES.size() < NAME_CACHE_LIMIT) {
                NAMES.put(name, slug);
            }
        }
        return slug;
    }

    public static String of(String text) {
        return of(text, MAX_LENGTH - 1);
    }

    /** A slug of at most {@code maxLength} characters, cut between words; "" when the text has no letter or digit. */
    public static String of(String text, int maxLength) {
        String ascii = transliterate(text);
        StringBuilder slug = new StringBuilder(ascii.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && slug.length() > 0) {
                    slug.append('-');
                }
                slug.append(c);
                pendingHyphen = false;
            } else if (c != '\'' && c != '\u2019') {
                // Apostrophes join ("don't" gives "dont"); everything else separates words.
                pendingHyphen = true;
            }
        }
        return cut(slug.toString(), maxLength);
    }

    /**
     * A slug given in front matter, kept as written where a URL allows it (Hugo and Jekyll keep "My-Post" as
     * it is, and moved content must keep its addresses): letters of either case, digits, '-', '_' and '.' stay,
     * accents are transliterated, anything else becomes one hyphen. No dot opens it, so it can never be "." or
     * ".."; "" when nothing is left.
     */
    public static String asWritten(String text) {
        String ascii = transliterateKeepingCase(text);
        StringBuilder slug = new StringBuilder(ascii.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || (c == '.' && slug.length() > 0);
            if (kept) {
                if (pendingHyphen && slug.length() > 0 && c != '-') {
                    slug.append('-');
                }
                slug.append(c);
                pendingHyphen = false;
            } else if (c != '\'' && c != '\u2019') {
                pendingHyphen = true;
            }
        }
        // no leading dot or hyphen (a slug of dots would be "." or ".."), no trailing hyphen
        String result = slug.toString().replaceAll("-{2,}", "-").replaceAll("^[.-]+", "").replaceAll("-+$", "");
        return cut(result, MAX_LENGTH - 1);
    }

    /** Accents removed, case kept: each letter transliterated as its lower-case form, then put back in upper case. */
    private static String transliterateKeepingCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                out.append(c);
                continue;
            }
            String t = transliterate(String.valueOf(Character.toLowerCase(c)));
            out.append(Character.isUpperCase(c) ? t.toUpperCase(java.util.Locale.ROOT) : t);
        }
        return out.toString();
    }

    private static String cut(String slug, int maxLength) {
        if (slug.length() <= maxLength) {
            return slug;
        }
        int end = slug.lastIndexOf('-', maxLength);
        return end > 0 ? slug.substring(0, end) : slug.substring(0, maxLength);
    }

    /**
     * The transliteration of each character of the Latin blocks, worked out once by {@link #transliterateSlowly}:
     * titles rarely leave them, and Unicode normalization of every title was a tenth of reading a site's model.
     * Below U+0250 there are no combining marks and no letter whose lower case depends on its neighbours, so
     * character by character gives what the whole text would.
     */
    private static final String[] LATIN = new String[0x250];
    /**
     * The same for General Punctuation (U+2000-U+206F: typographic apostrophes and quotes, dashes, ellipsis,
     * special spaces), which news titles are full of: none of it combines with its neighbours either.
     */
    private static final int PUNCTUATION_START = 0x2000;
    private static final String[] PUNCTUATION = new String[0x70];

    static {
        for (char c = 0; c < LATIN.length; c++) {
            LATIN[c] = transliterateSlowly(String.valueOf(c));
        }
        for (int i = 0; i < PUNCTUATION.length; i++) {
            PUNCTUATION[i] = transliterateSlowly(String.valueOf((char) (PUNCTUATION_START + i)));
        }
    }

    /** Lower-case ASCII approximation of the text. */
    static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < LATIN.length) {
                out.append(LATIN[c]);
            } else if (c >= PUNCTUATION_START && c < PUNCTUATION_START + PUNCTUATION.length) {
                out.append(PUNCTUATION[c - PUNCTUATION_START]);
            } else {
                return transliterateSlowly(text);
            }
        }
        return out.toString();
    }

    static String transliterateSlowly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'œ' -> out.append("oe");
                case 'æ' -> out.append("ae");
                case 'ß' -> out.append("ss");
                case 'ł' -> out.append('l');
                case 'ø' -> out.append('o');
                case 'đ', 'ð' -> out.append('d');
                case 'þ' -> out.append("th");
                case 'ı' -> out.append('i');
                case '&' -> out.append(" and ");
                default -> out.append(c);
            }
        }
        String decomposed = Normalizer.normalize(out, Normalizer.Form.NFKD);
        StringBuilder ascii = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                ascii.append(c);
            }
        }
        return ascii.toString();
    }
}
