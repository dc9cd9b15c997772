package dev.gazette.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The theme's UI strings ("Published", "Page 2 of 9") in each language, built in for en, fr, de, es, it, pt and
 * nl. A string missing in a language falls back to English. Loaded once per language and then only read.
 */
public final class UiStrings {

    private static final String FALLBACK = "en";

    private final Map<String, Map<String, String>> byLanguage = new ConcurrentHashMap<>();

    /** All strings for a language ("fr", "pt-BR" reads "pt"), English filling the gaps. */
    public Map<String, String> forLanguage(String lang) {
        String primary = lang.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return byLanguage.computeIfAbsent(primary, this::load);
    }

    /** One string with its {0}-style arguments filled in, in the language's own number format. */
    public String format(String lang, String key, Object... args) {
        String pattern = forLanguage(lang).get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no UI string '" + key + "'");
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(args);
    }

    private Map<String, String> load(String primary) {
        Map<String, String> strings = new HashMap<>(bundle(FALLBACK));
        if (!primary.equals(FALLBACK)) {
            strings.putAll(bundle(primary));
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
