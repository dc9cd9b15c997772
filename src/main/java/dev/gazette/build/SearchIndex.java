package dev.gazette.build;

import dev.gazette.content.Article;
import dev.gazette.html.SearchTerms;
import dev.gazette.html.StopWords;
import dev.gazette.syndication.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The site search's index, read by templates/assets/search.js: the articles newest first (what a result shows),
 * then every word of their titles, tags, summaries and bodies (folded, stop words of the article's language left
 * out) in code-point order, then for each word the articles that have it. A query word is looked up by binary
 * search for the words it starts, so "kreml" finds "kremlin". Article numbers are written as the difference from
 * the one before, in base 36, separated by dots: a word in 300 articles takes about 600 characters.
 *
 * <pre>{"version":2,"articles":[{"t":title,"u":url,"d":"2022-11-14","f":"14 novembre 2022","s":teaser,
 *   "g":[tags],"l":"fr"}, …],"words":["abdel", …],"postings":["0.5.2z", …]}</pre>
 */
final class SearchIndex {

    static final String HEAD = "{\"version\":2,\"articles\":[";
    /** Between the articles and the words. */
    static final String MIDDLE = "],\"words\":[";
    /** Words of a teaser in a result. */
    static final int TEASER_WORDS = 30;

    private SearchIndex() {
    }

    /** An article's entry: what a result shows of it. */
    static String entry(Article article, String dateText, String summary) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("t", article.title());
        entry.put("u", article.url());
        entry.put("d", article.date().toLocalDate().toString());
        entry.put("f", dateText);
        entry.put("s", teaser(summary));
        entry.put("g", article.tags());
        entry.put("l", article.lang());
        return Json.write(entry);
    }

    /**
     * Writes the words and postings, from {@link #MIDDLE} to the end of the file, for the articles in index order
     * with their bodies' words (as {@link dev.gazette.html.RenderedBody#terms()} has them) and their summaries.
     */
    static void writeWords(Writer out, List<Article> articles, List<String> bodyWords, List<String> summaries)
            throws IOException {
        // two halves of the articles counted at once (a build runs this on its pool), then merged word by word:
        // every article number of the second half is above those of the first
        int middle = articles.size() / 2;
        List<Words> halves = java.util.stream.IntStream.range(0, 2).parallel()
                .mapToObj(half -> count(articles, bodyWords, summaries, half == 0 ? 0 : middle,
                        half == 0 ? middle : articles.size()))
                .toList();
        Map<String, Postings> second = new HashMap<>();
        for (Postings p : halves.get(1).nonEmpty()) {
            second.put(p.word, p);
        }
        List<Postings[]> merged = new java.util.ArrayList<>();
        for (Postings p : halves.get(0).nonEmpty()) {
            merged.add(new Postings[] {p, second.remove(p.word)});
        }
        for (Postings p : second.values()) {
            merged.add(new Postings[] {null, p});
        }
        merged.sort((a, b) -> (a[0] != null ? a[0] : a[1]).word.compareTo((b[0] != null ? b[0] : b[1]).word));
        StringBuilder text = new StringBuilder(1 << 16);
        text.append(MIDDLE);
        for (int i = 0; i < merged.size(); i++) {
            Postings[] pair = merged.get(i);
            text.append(i > 0 ? ",\"" : "\"").append((pair[0] != null ? pair[0] : pair[1]).word).append('"');
            flushIfLong(out, text);
        }
        text.append("],\"postings\":[");
        for (int i = 0; i < merged.size(); i++) {
            Postings[] pair = merged.get(i);
            text.append(i > 0 ? ",\"" : "\"");
            int previous = 0;
            boolean first = true;
            for (Postings p : pair) {
                if (p != null) {
                    previous = p.appendTo(text, previous, first);
                    first = false;
                }
            }
            text.append('"');
            flushIfLong(out, text);
        }
        out.append(text).write("]}\n");
    }

    private static void flushIfLong(Writer out, StringBuilder text) throws IOException {
        if (text.length() > 1 << 15) {
            out.append(text);
            text.setLength(0);
        }
    }

    /** The words of the articles in [from, to). */
    private static Words count(List<Article> articles, List<String> bodyWords, List<String> summaries, int from,
            int to) {
        Words table = new Words();
        for (int i = from; i < to; i++) {
            Article article = articles.get(i);
            Set<String> stop = StopWords.of(article.lang());
            String body = bodyWords.get(i);
            for (int start = 0, end; start < body.length(); start = end + 1) {
                end = body.indexOf(' ', start);
                if (end < 0) {
                    end = body.length();
                }
                if (end > start) {
                    table.entry(body, start, end).addUnless(stop, i);
                }
            }
            // what the body may not say: the title, tags and a summary written in the front matter
            String extra = article.title() + " " + String.join(" ", article.tags()) + " " + summaries.get(i);
            for (String word : SearchTerms.words(extra)) {
                table.entry(word, 0, word.length()).addUnless(stop, i);
            }
        }
        return table;
    }

    /**
     * Words by their characters, found without making a string of each occurrence (a 10,000-article site has
     * millions): a string is made when a word is first seen.
     */
    private static final class Words {
        private Postings[] slots = new Postings[4096];
        private int size;

        Postings entry(String text, int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + text.charAt(i);
            }
            int mask = slots.length - 1;
            int slot = (hash ^ (hash >>> 16)) & mask;
            for (Postings p = slots[slot]; p != null; p = slots[slot]) {
                if (p.hash == hash && p.word.length() == to - from && p.word.regionMatches(0, text, from, to - from)) {
                    return p;
                }
                slot = (slot + 1) & mask;
            }
            Postings p = new Postings(text.substring(from, to), hash);
            slots[slot] = p;
            if (++size * 2 > slots.length) {
                grow();
            }
            return p;
        }

        private void grow() {
            Postings[] old = slots;
            slots = new Postings[old.length * 2];
            int mask = slots.length - 1;
            for (Postings p : old) {
                if (p != null) {
                    int slot = (p.hash ^ (p.hash >>> 16)) & mask;
                    while (slots[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = p;
                }
            }
        }

        Postings[] nonEmpty() {
            return Arrays.stream(slots).filter(p -> p != null && p.size > 0).toArray(Postings[]::new);
        }
    }

    /** The summary cut after {@value #TEASER_WORDS} words. */
    static String teaser(String summary) {
        if (summary == null) {
            return "";
        }
        String[] words = summary.strip().split("\\s+");
        return words.length <= TEASER_WORDS ? summary.strip()
                : String.join(" ", Arrays.copyOf(words, TEASER_WORDS)) + "…";
    }

    /** The articles a word is in, ascending, each once. */
    private static final class Postings {
        final String word;
        final int hash;
        private int[] ids = new int[4];
        private int size;

        Postings(String word, int hash) {
            this.word = word;
            this.hash = hash;
        }

        private Set<String> checkedAgainst;
        private boolean stopWord;

        /** Adds the article unless the word is a stop word of its language (asked once per language in a row). */
        void addUnless(Set<String> stop, int id) {
            if (stop != checkedAgainst) {
                checkedAgainst = stop;
                stopWord = stop.contains(word);
            }
            if (!stopWord) {
                add(id);
            }
        }

        void add(int id) {
            if (size > 0 && ids[size - 1] == id) {
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        /**
         * Appends the numbers as differences in base 36, separated by dots, continuing from {@code previous}.
         *
         * @return the last number
         */
        int appendTo(StringBuilder out, int previous, boolean first) {
            for (int i = 0; i < size; i++) {
                if (!first || i > 0) {
                    out.append('.');
                }
                appendBase36(out, ids[i] - previous);
                previous = ids[i];
            }
            return previous;
        }

        private static void appendBase36(StringBuilder out, int value) {
            if (value < 36) {
                out.append(Character.forDigit(value, 36));
                return;
            }
            appendBase36(out, value / 36);
            out.append(Character.forDigit(value % 36, 36));
        }
    }
}
