package dev.gazette.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The theme's UI strings ("Published", "Page 2 of 9") in each language: built in for en, fr, de, es, it, pt and
 * nl, overridden or added by a site's i18n/LANG.yaml. A string missing in a language falls back to the site's
 * language, then to English, and each language with missing strings is reported once, listing them. Plural
 * strings have a {@code .one} and an {@code .other} form chosen by the language's rule (French and Portuguese
 * treat 0 and 1 as singular). Loaded once per language and then only read; safe from many threads.
 */
public final class UiStrings {

    private static final String FALLBACK = "en";

    private final String siteLanguage;
    private final Map<String, Map<String, String>> overrides;
    private final BiConsumer<String, List<String>> missing;
    private final Map<String, Map<String, String>> byLanguage = new ConcurrentHashMap<>();
    /** The same maps by the language tag as pages give it ("fr", "pt-BR"), so a lookup needs no parsing. */
    private final Map<String, Map<String, String>> byTag = new ConcurrentHashMap<>();

    /** Built-in strings only, English as the site language (for tools and tests). */
    public UiStrings() {
        this("en", Map.of(), (lang, keys) -> { });
    }

    /**
     * @param overrides a site's strings by language ("fr" to key to text), from i18n/*.yaml
     * @param missing told once per language that lacks strings, with the sorted missing keys
     */
    public UiStrings(String siteLanguage, Map<String, Map<String, String>> overrides,
            BiConsumer<String, List<String>> missing) {
        this.siteLanguage = DateFormats.primary(siteLanguage);
        this.overrides = Map.copyOf(overrides);
        this.missing = missing;
    }

    /** All strings for a language ("pt-BR" reads "pt"), the site language and then English filling the gaps. */
    public Map<String, String> forLanguage(String lang) {
        Map<String, String> strings = byTag.get(lang);
        if (strings == null) {
            strings = byLanguage.computeIfAbsent(DateFormats.primary(lang), this::load);
            byTag.put(lang, strings);
        }
        return strings;
    }

    /** One string with its {0}-style arguments filled in; plural strings by the first argument. */
    public String format(String lang, String key, Object... args) {
        Map<String, String> strings = forLanguage(lang);
        String pattern = strings.get(key);
        if (pattern == null && strings.containsKey(key + ".other")) {
            boolean one = args.length > 0 && args[0] instanceof Number n && isOne(lang, n.doubleValue());
            pattern = strings.get(one ? key + ".one" : key + ".other");
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no UI string '" + key + "'");
        }
        if (args.length == 0) {
            return pattern;
        }
        // a parsed pattern per language and string, kept: parsing one for every t() with arguments was 1% of a
        // build; a MessageFormat is not safe from many threads, so each use holds its lock (a use is short)
        String finalPattern = pattern;
        MessageFormat format = formats.computeIfAbsent(lang + '\u0000' + pattern,
                k -> new MessageFormat(finalPattern, Locale.forLanguageTag(lang)));
        synchronized (format) {
            return format.format(args);
        }
    }

    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    /** The plural rule: French and Portuguese say "0 article", "1 article"; the others "0 articles". */
    static boolean isOne(String lang, double n) {
        return switch (DateFormats.primary(lang)) {
            case "fr", "pt" -> n >= 0 && n < 2;
            default -> n == 1;
        };
    }

    private Map<String, String> load(String primary) {
        Map<String, String> own = new HashMap<>(bundle(primary));
        own.putAll(overrides.getOrDefault(primary, Map.of()));
        Map<String, String> english = new HashMap<>(bundle(FALLBACK));
        english.putAll(overrides.getOrDefault(FALLBACK, Map.of()));
        Map<String, String> strings = new HashMap<>(english);
        if (!primary.equals(siteLanguage)) {
            strings.putAll(bundle(siteLanguage));
            strings.putAll(overrides.getOrDefault(siteLanguage, Map.of()));
        }
        strings.putAll(own);
        TreeSet<String> lacking = new TreeSet<>(english.keySet());
        lacking.removeAll(own.keySet());
        if (!lacking.isEmpty() && !primary.equals(FALLBACK)) {
            missing.accept(primary, List.copyOf(lacking));
        }
        return Map.copyOf(strings);
    }

    private static Map<String, String> bundle(String lang) {
        String name = "ui_" + lang + ".properties";
        try (InputStream in = UiStrings.class.getResourceAsStream(name)) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> strings = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> strings.put(key, properties.getProperty(key)));
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in " + name, e);
        }
    }
}
