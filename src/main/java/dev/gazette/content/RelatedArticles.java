package dev.gazette.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Up to {@link #MAX} related articles for each article: scored by the tags and categories they share, each shared
 * term weighted by how rare it is (the logarithm of articles over articles with that term, so a shared niche tag
 * counts for more than a shared section), ties broken by recency then URL. Deterministic.
 */
public final class RelatedArticles {

    public static final int MAX = 5;

    private RelatedArticles() {
    }

    /** Related articles by article URL; articles sharing nothing get none. */
    public static Map<String, List<Article>> of(List<Article> newestFirst) {
        int n = newestFirst.size();
        Map<String, int[]> postings = new HashMap<>();
        Map<String, List<Integer>> building = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String term : terms(newestFirst.get(i))) {
                building.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
            }
        }
        building.forEach((term, list) -> postings.put(term, list.stream().mapToInt(Integer::intValue).toArray()));

        // One score array per worker thread, cleared after each article through the list of touched entries:
        // a fresh array per article would cost time and memory in the square of the number of articles.
        ThreadLocal<double[]> scores = ThreadLocal.withInitial(() -> new double[n]);
        List<List<Article>> related = IntStream.range(0, n).parallel().mapToObj(i -> {
            double[] score = scores.get();
            List<Integer> touched = new ArrayList<>();
            for (String term : terms(newestFirst.get(i))) {
                int[] articles = postings.get(term);
                double weight = Math.log((double) n / articles.length);
                for (int j : articles) {
                    if (j != i) {
                        if (score[j] == 0) {
                            touched.add(j);
                        }
                        score[j] += weight + 1e-9;
                    }
                }
            }
            // Higher score first; on a tie the lower index, which is the newer article (the list is newest first).
            touched.sort((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
            List<Article> best = new ArrayList<>(MAX);
            for (int k = 0; k < Math.min(MAX, touched.size()); k++) {
                best.add(newestFirst.get(touched.get(k)));
            }
            for (int j : touched) {
                score[j] = 0;
            }
            return best;
        }).toList();

        Map<String, List<Article>> byUrl = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byUrl.put(newestFirst.get(i).url(), List.copyOf(related.get(i)));
        }
        return byUrl;
    }

    /** An article's tags and categories, as keys that keep the two apart ("t:energy", "c:economy"). */
    private static List<String> terms(Article article) {
        List<String> terms = new ArrayList<>(article.tags().size() + article.categories().size());
        article.tags().forEach(t -> terms.add("t:" + Slugs.of(t)));
        article.categories().forEach(c -> terms.add("c:" + Slugs.of(c)));
        return terms.stream().distinct().toList();
    }
}
