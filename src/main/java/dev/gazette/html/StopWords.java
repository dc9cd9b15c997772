package dev.gazette.html;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words too common in a language to search for ("the", "dans", "über"), folded as the search index folds
 * words, from the lists Lucene ships (Snowball's for the major European languages): the index leaves them out of
 * an article in that language. A language without a list has none left out.
 */
public final class StopWords {

    private static final String SNOWBALL = "org/apache/lucene/analysis/snowball/";
    private static final String LUCENE = "org/apache/lucene/analysis/";
    private static final Map<String, String> LISTS = Map.ofEntries(
            Map.entry("en", SNOWBALL + "english_stop.txt"), Map.entry("fr", SNOWBALL + "french_stop.txt"),
            Map.entry("de", SNOWBALL + "german_stop.txt"), Map.entry("es", SNOWBALL + "spanish_stop.txt"),
            Map.entry("it", SNOWBALL + "italian_stop.txt"), Map.entry("pt", SNOWBALL + "portuguese_stop.txt"),
            Map.entry("nl", SNOWBALL + "dutch_stop.txt"), Map.entry("da", SNOWBALL + "danish_stop.txt"),
            Map.entry("sv", SNOWBALL + "swedish_stop.txt"), Map.entry("no", SNOWBALL + "norwegian_stop.txt"),
            Map.entry("nb", SNOWBALL + "norwegian_stop.txt"), Map.entry("fi", SNOWBALL + "finnish_stop.txt"),
            Map.entry("hu", SNOWBALL + "hungarian_stop.txt"), Map.entry("ru", SNOWBALL + "russian_stop.txt"),
            Map.entry("id", SNOWBALL + "indonesian_stop.txt"), Map.entry("cs", LUCENE + "cz/stopwords.txt"),
            Map.entry("ro", LUCENE + "ro/stopwords.txt"), Map.entry("ca", LUCENE + "ca/stopwords.txt"),
            Map.entry("el", LUCENE + "el/stopwords.txt"), Map.entry("bg", LUCENE + "bg/stopwords.txt"),
            Map.entry("gl", LUCENE + "gl/stopwords.txt"), Map.entry("eu", LUCENE + "eu/stopwords.txt"),
            Map.entry("lv", LUCENE + "lv/stopwords.txt"), Map.entry("lt", LUCENE + "lt/stopwords.txt"),
            Map.entry("ar", LUCENE + "ar/stopwords.txt"), Map.entry("fa", LUCENE + "fa/stopwords.txt"),
            Map.entry("hi", LUCENE + "hi/stopwords.txt"), Map.entry("tr", LUCENE + "tr/stopwords.txt"),
            Map.entry("ga", LUCENE + "ga/stopwords.txt"), Map.entry("hy", LUCENE + "hy/stopwords.txt"));
    private static final Map<String, Set<String>> LOADED = new ConcurrentHashMap<>();

    private StopWords() {
    }

    /** The folded stop words of a language ("fr", "pt-BR" reads as "pt"); empty for a language without a list. */
    public static Set<String> of(String lang) {
        String base = lang == null ? "" : lang.toLowerCase(java.util.Locale.ROOT).split("[-_]", 2)[0];
        String resource = LISTS.get(base);
        return resource == null ? Set.of() : LOADED.computeIfAbsent(resource, StopWords::load);
    }

    /**
     * Snowball's lists put a word at the start of a line and comments after "|"; Lucene's own lists put a word
     * on each line and comments after "#".
     */
    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = StopWords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Set.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.split("[|#]", 2)[0].strip();
                for (String word : text.split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(SearchTerms.fold(word));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
