package dev.gazette.build;

import java.util.Locale;
import java.util.Set;

/**
 * The site's icon when static/ has no favicon.svg of its own: the first letter of its name, white on black, as an
 * SVG every current browser shows in its tabs (without one, each page's first visit logs a 404 for
 * /favicon.ico).
 */
final class Favicon {

    /** Articles that open many newspapers' names: "The Morning Ledger" is an M. */
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "le", "la", "les", "l", "der", "die", "das",
            "el", "los", "las", "il", "lo", "de", "het", "o", "os", "as");

    private Favicon() {
    }

    static String svg(String siteTitle) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><rect width=\"64\" height=\"64\" "
                + "rx=\"12\" fill=\"#111\"/><text x=\"32\" y=\"45\" font-family=\"Georgia,'Times New Roman',serif\" "
                + "font-size=\"42\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#fff\">" + escape(initial(siteTitle))
                + "</text></svg>\n";
    }

    static String initial(String title) {
        String[] words = title.strip().split("[\\s'’]+");
        for (String word : words) {
            if (!word.isEmpty() && !ARTICLES.contains(word.toLowerCase(Locale.ROOT)) && words.length > 1
                    || words.length == 1 && !word.isEmpty()) {
                int first = word.codePointAt(0);
                return new String(Character.toChars(Character.toUpperCase(first)));
            }
        }
        return "G";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
