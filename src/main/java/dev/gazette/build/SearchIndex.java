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

    /**
     * The entries of the last build of a resident process by article (the same article object while its file is
     * unchanged), with the summary each was made with; replaced by each build's, so none outlives a build.
     */
    private static volatile Map<Article, String[]> residentEntries = Map.of();

    /**
     * An article's entry, from the last build of a resident process when the article and its summary are the
     * same; {@link #keepEntries} ends the build's use.
     */
    static String entry(Article article, java.util.function.Supplier<String> dateText, String summary,
            Map<Article, String[]> thisBuild) {
        String[] last = residentEntries.get(article);
        String entry = last != null && last[0].equals(summary) ? last[1] : entry(article, dateText.get(), summary);
        if (thisBuild != null) {
            thisBuild.put(article, new String[] {summary, entry});
        }
        return entry;
    }

    /** A map for this build's entries when a resident process keeps them, else null. */
    static Map<Article, String[]> entriesOfThisBuild() {
        return dev.gazette.resident.ParsedFiles.keptBetweenBuilds() ? new java.util.IdentityHashMap<>() : null;
    }

    static void keepEntries(Map<Article, String[]> thisBuild) {
        if (thisBuild != null) {
            residentEntries = thisBuild;
        }
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
        if (dev.gazette.resident.ParsedFiles.keptBetweenBuilds()) {
            Resident.write(out, articles, bodyWords, summaries);
            return;
        }
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
            for (String word : SearchTerms.words(extra(article, summaries.get(i)))) {
                table.entry(word, 0, word.length()).addUnless(stop, i);
            }
        }
        return table;
    }

    /**
     * The index kept between the builds of a resident process (`gazette serve`): when the articles are the same
     * ones in the same order, only the edited articles' words are taken out and put in again, and only the words
     * whose postings changed are written out again; otherwise it is made afresh. Output is the same as a fresh
     * build's (IncrementalBuildTest checks resident rebuilds byte for byte against clean builds).
     */
    private static final class Resident {
        private static final String KEPT = "search-index";

        private final List<String> urls;
        private final List<String> langs;
        /** What each article's words were taken from: its body's words (the very string, while unchanged) and the rest. */
        private final String[] bodies;
        private final String[] extras;
        private final Words table = new Words();
        private final Postings[][] perArticle;
        private Postings[] sorted;

        private Resident(List<Article> articles) {
            urls = articles.stream().map(Article::url).toList();
            langs = articles.stream().map(Article::lang).toList();
            bodies = new String[articles.size()];
            extras = new String[articles.size()];
            perArticle = new Postings[articles.size()][];
        }

        static void write(Writer out, List<Article> articles, List<String> bodyWords, List<String> summaries)
                throws IOException {
            Resident state = dev.gazette.resident.ParsedFiles.<Resident>get(KEPT, List.of()).orElse(null);
            if (state == null || !state.urls.equals(articles.stream().map(Article::url).toList())
                    || !state.langs.equals(articles.stream().map(Article::lang).toList())) {
                state = new Resident(articles);
            }
            boolean newWords = state.sorted == null;
            for (int i = 0; i < articles.size(); i++) {
                String body = bodyWords.get(i);
                String extra = extra(articles.get(i), summaries.get(i));
                // an unchanged body's words are the same string as last time: compared by reference first
                if (body != state.bodies[i] && !body.equals(state.bodies[i]) || !extra.equals(state.extras[i])) {
                    newWords |= state.index(i, articles.get(i), body, summaries.get(i));
                    state.bodies[i] = body;
                    state.extras[i] = extra;
                }
            }
            if (newWords) {
                state.sorted = state.table.nonEmpty();
                Arrays.sort(state.sorted, (a, b) -> a.word.compareTo(b.word));
            }
            StringBuilder text = new StringBuilder(1 << 16).append(MIDDLE);
            boolean first = true;
            for (Postings p : state.sorted) {
                if (p.size > 0) {
                    text.append(first ? "\"" : ",\"").append(p.word).append('"');
                    first = false;
                    flushIfLong(out, text);
                }
            }
            text.append("],\"postings\":[");
            first = true;
            for (Postings p : state.sorted) {
                if (p.size > 0) {
                    text.append(first ? "\"" : ",\"").append(p.text()).append('"');
                    first = false;
                    flushIfLong(out, text);
                }
            }
            out.append(text).write("]}\n");
            dev.gazette.resident.ParsedFiles.keep(KEPT, List.of(), state);
        }

        /** Takes article {@code i} out of the words it was in and puts it in its words now; true when a word is new. */
        private boolean index(int i, Article article, String body, String summary) {
            if (perArticle[i] != null) {
                for (Postings p : perArticle[i]) {
                    p.remove(i);
                }
            }
            int before = table.size;
            Set<String> stop = StopWords.of(article.lang());
            java.util.ArrayList<Postings> in = new java.util.ArrayList<>();
            for (int start = 0, end; start < body.length(); start = end + 1) {
                end = body.indexOf(' ', start);
                if (end < 0) {
                    end = body.length();
                }
                if (end > start) {
                    add(in, table.entry(body, start, end), stop, i);
                }
            }
            for (String word : SearchTerms.words(extra(article, summary))) {
                add(in, table.entry(word, 0, word.length()), stop, i);
            }
            perArticle[i] = in.toArray(new Postings[0]);
            // a word that had no article (or a stop word's entry) may have one now: the sorted list is made again
            boolean emptyBefore = false;
            for (Postings p : perArticle[i]) {
                emptyBefore |= p.size == 1;
            }
            return table.size != before || emptyBefore;
        }

        private static void add(List<Postings> in, Postings p, Set<String> stop, int id) {
            if (!stop.contains(p.word) && p.insert(id)) {
                in.add(p);
            }
        }
    }

    /** What the body may not say: the title, tags and a summary written in the front matter. */
    private static String extra(Article article, String summary) {
        return article.title() + " " + String.join(" ", article.tags()) + " " + summary;
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

        /** This word's postings as written last (a resident process writes again only the words that changed). */
        private String text;

        /** Adds an article number anywhere in the list (a resident rebuild's edited article). */
        boolean insert(int id) {
            int at = Arrays.binarySearch(ids, 0, size, id);
            if (at >= 0) {
                return false;
            }
            at = -at - 1;
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            System.arraycopy(ids, at, ids, at + 1, size - at);
            ids[at] = id;
            size++;
            text = null;
            return true;
        }

        void remove(int id) {
            int at = Arrays.binarySearch(ids, 0, size, id);
            if (at >= 0) {
                System.arraycopy(ids, at + 1, ids, at, size - at - 1);
                size--;
                text = null;
            }
        }

        String text() {
            if (text == null) {
                StringBuilder out = new StringBuilder(size * 3);
                appendTo(out, 0, true);
                text = out.toString();
            }
            return text;
        }

        void add(int id) {
            if (size > 0 && ids[size - 1] == id) {
                return;
            }
            text = null;
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
