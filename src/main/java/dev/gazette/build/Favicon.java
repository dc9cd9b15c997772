package dev.gazette.build;

import dev.gazette.templates.HtmlEscaping;
import java.util.Arrays;
import java.util.List;
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
                + "font-size=\"42\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#fff\">"
                + HtmlEscaping.escapeText(initial(siteTitle))
                + "</text></svg>\n";
    }

    /**
     * The web app manifest (site.webmanifest): the name a phone gives the site on its home screen, and the icon.
     * Written unless static/ has one of its own.
     */
    static String manifest(String siteTitle, String lang, String startUrl, String iconUrl) {
        java.util.Map<String, Object> manifest = new java.util.LinkedHashMap<>();
        manifest.put("name", siteTitle);
        manifest.put("short_name", siteTitle.length() <= 12 ? siteTitle : initial(siteTitle));
        manifest.put("lang", lang);
        manifest.put("start_url", startUrl);
        manifest.put("display", "browser");
        manifest.put("background_color", "#fdfcf8");
        manifest.put("theme_color", "#fdfcf8");
        manifest.put("icons", List.of(java.util.Map.of("src", iconUrl, "sizes", "any", "type", "image/svg+xml")));
        return dev.gazette.syndication.Json.write(manifest) + "\n";
    }

    /** The first letter of the first word that is not an article (of the only word, when there is one). */
    static String initial(String title) {
        List<String> words = Arrays.stream(title.strip().split("[\\s'’]+")).filter(w -> !w.isEmpty()).toList();
        String word = words.stream().filter(w -> !ARTICLES.contains(w.toLowerCase(Locale.ROOT))).findFirst()
                .orElse(words.isEmpty() ? "G" : words.get(0));
        return new String(Character.toChars(Character.toUpperCase(word.codePointAt(0))));
    }
}
