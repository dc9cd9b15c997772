package dev.gazette.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Up to {@link #MAX} related articles for each article: scored by the tags and categories they share, each shared
 * term weighted by how rare it is (the logarithm of articles over articles with that term, so a shared niche tag
 * counts for more than a shared section), ties broken by recency then URL. Deterministic.
 */
public final class RelatedArticles {

    public static final int MAX = 5;

    private final List<Article> newestFirst;
    private final Map<String, Integer> indexByUrl = new HashMap<>();
    private final List<List<String>> termsByIndex = new ArrayList<>();
    private final Map<String, int[]> postings;
    // One score array per worker thread, cleared after each article through the list of touched entries: a fresh
    // array per article would cost time and memory in the square of the number of articles.
    private final ThreadLocal<Scratch> scratch;
    // An article page asks twice (for its digest, then for its view): scored once.
    private final Map<String, List<Article>> found = new ConcurrentHashMap<>();

    /**
     * Indexes the articles by term; each article's related articles are worked out when asked for, so a rebuild
     * that renders a few pages does not score the whole site.
     */
    public RelatedArticles(List<Article> newestFirst) {
        this(newestFirst, null);
    }

    /**
     * As {@link #RelatedArticles(List)}, taking each article's terms from {@code previous} (the index of a resident
     * process's last build) when its tags and categories are those it had, and the whole index by term when every
     * article has the terms it had at the same place: an edit of one article's text changes neither.
     */
    public RelatedArticles(List<Article> newestFirst, Terms previous) {
        this.newestFirst = List.copyOf(newestFirst);
        int n = newestFirst.size();
        boolean sameTerms = previous != null && previous.terms.size() == n;
        for (int i = 0; i < n; i++) {
            Article article = newestFirst.get(i);
            indexByUrl.put(article.url(), i);
            List<String> terms = previous == null ? null : previous.of(article);
            if (terms == null) {
                terms = terms(article);
            }
            if (sameTerms) {
                sameTerms = terms == previous.terms.get(i);
            }
            termsByIndex.add(terms);
        }
        if (sameTerms) {
            postings = previous.postings;
        } else {
            postings = new HashMap<>();
            Map<String, List<Integer>> building = new HashMap<>();
            for (int i = 0; i < n; i++) {
                for (String term : termsByIndex.get(i)) {
                    building.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
                }
            }
            building.forEach((term, list) -> postings.put(term, list.stream().mapToInt(Integer::intValue).toArray()));
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    /**
     * What a later build may take from this one: each article's terms, and the index by term (shared, not copied:
     * neither changes once this index is made).
     */
    public Terms terms() {
        List<List<String>> termLists = new ArrayList<>(newestFirst.size());
        List<List<String>> tags = new ArrayList<>(newestFirst.size());
        List<List<String>> categories = new ArrayList<>(newestFirst.size());
        for (int i = 0; i < newestFirst.size(); i++) {
            Article article = newestFirst.get(i);
            tags.add(article.tags());
            categories.add(article.categories());
            termLists.add(termsByIndex.get(i));
        }
        return new Terms(indexByUrl, tags, categories, termLists, postings);
    }

    /**
     * Each article's terms (by its URL, with the tags and categories they were made from) and the index by term,
     * without the articles themselves.
     */
    public static final class Terms {
        private final Map<String, Integer> indexByUrl;
        private final List<List<String>> tags;
        private final List<List<String>> categories;
        private final List<List<String>> terms;
        private final Map<String, int[]> postings;

        private Terms(Map<String, Integer> indexByUrl, List<List<String>> tags,
                List<List<String>> categories, List<List<String>> terms, Map<String, int[]> postings) {
            this.indexByUrl = indexByUrl;
            this.tags = tags;
            this.categories = categories;
            this.terms = terms;
            this.postings = postings;
        }

        /** The article's terms as they were, when it had the same tags and categories; else null. */
        List<String> of(Article article) {
            Integer at = indexByUrl.get(article.url());
            if (at == null || !tags.get(at).equals(article.tags()) || !categories.get(at).equals(article.categories())) {
                return null;
            }
            return terms.get(at);
        }
    }

    /** An article's related articles, best first; none when it shares nothing or is not among the indexed ones. */
    public List<Article> of(Article article) {
        List<Article> known = found.get(article.url());
        if (known == null) {
            known = score(article);
            found.put(article.url(), known);
        }
        return known;
    }

    private List<Article> score(Article article) {
        Integer index = indexByUrl.get(article.url());
        if (index == null) {
            return List.of();
        }
        int i = index;
        int n = newestFirst.size();
        Scratch scratch = this.scratch.get();
        double[] score = scratch.score;
        int[] touched = scratch.touched;
        int touchedCount = 0;
        for (String term : termsByIndex.get(i)) {
            int[] articles = postings.get(term);
            double weight = Math.log((double) n / articles.length);
            for (int j : articles) {
                if (j != i) {
                    if (score[j] == 0) {
                        touched[touchedCount++] = j;
                    }
                    score[j] += weight + 1e-9;
                }
            }
        }
        // The best MAX by higher score, then lower index (the newer article: the list is newest first), kept in
        // order while scanning: sorting every article that shares a section with this one cost a quarter of a
        // rebuild.
        int[] best = new int[MAX];
        int kept = 0;
        for (int t = 0; t < touchedCount; t++) {
            int j = touched[t];
            int at = kept;
            while (at > 0 && better(j, best[at - 1], score)) {
                at--;
            }
            if (at < MAX) {
                int end = Math.min(kept, MAX - 1);
                System.arraycopy(best, at, best, at + 1, end - at);
                best[at] = j;
                kept = Math.min(kept + 1, MAX);
            }
        }
        List<Article> related = new ArrayList<>(kept);
        for (int k = 0; k < kept; k++) {
            related.add(newestFirst.get(best[k]));
        }
        for (int t = 0; t < touchedCount; t++) {
            score[touched[t]] = 0;
        }
        return List.copyOf(related);
    }

    /** Per thread: scores by article index, and which of them this article's scan touched (to reset them). */
    private static final class Scratch {
        final double[] score;
        final int[] touched;

        Scratch(int n) {
            score = new double[n];
            touched = new int[n];
        }
    }

    private static boolean better(int a, int b, double[] score) {
        return score[a] != score[b] ? score[a] > score[b] : a < b;
    }

    /** An article's tags and categories, as keys that keep the two apart ("t:energy", "c:economy"). */
    private static List<String> terms(Article article) {
        List<String> terms = new ArrayList<>(article.tags().size() + article.categories().size());
        article.tags().forEach(t -> terms.add("t:" + Slugs.ofName(t)));
        article.categories().forEach(c -> terms.add("c:" + Slugs.ofName(c)));
        return terms.stream().distinct().toList();
    }
}
