package dev.gazette.content;

import dev.gazette.config.SiteConfig;
import dev.gazette.parallel.Parallel;
import dev.gazette.problem.Problems;
import dev.gazette.source.SourceDocument;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the {@link Site} from source documents: reads fields, leaves out what is not public, groups, sorts. */
public final class SiteModelBuilder {

    /** Newest first; ties broken by title then file so the order never depends on the file system. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing(Article::date).reversed()
            .thenComparing(Article::title)
            .thenComparing(Article::relativePath);

    private SiteModelBuilder() {
    }

    public static Site build(SiteConfig config, List<SourceDocument> documents, Visibility visibility,
            List<AuthorProfile> profiles, Problems problems) {
        ArticleReader reader = new ArticleReader(config, problems);
        documents = outsideHeadlessBundles(documents, problems);
        List<Article> all = Parallel.map(documents, reader::read).stream().flatMap(Optional::stream).toList();
        reader.keepForNextBuild();
        List<Article> visible = all.stream().filter(visibility::shows).toList();
        List<Article> pages = visible.stream().filter(Article::page)
                .sorted(Comparator.comparing(Article::relativePath)).toList();
        List<Article> shown = visible.stream().filter(a -> !a.page()).sorted(NEWEST_FIRST).toList();
        Set<Article> clashing = urlCollisions(shown, problems);
        // the second of two articles at one URL is left out (a strict build fails on the error anyway)
        List<Article> articles = clashing.isEmpty() ? shown : shown.stream().filter(a -> !clashing.contains(a)).toList();
        // tags, categories and authors side by side: each goes through every article
        List<Taxonomy> taxonomies = config.taxonomies().parallelStream().map(name -> taxonomy(config, name, articles)).toList();
        Map<String, AuthorProfile> authors = new HashMap<>();
        profiles.forEach(p -> authors.putIfAbsent(p.slug(), p));
        return new Site(config, articles, pages, taxonomies, archive(config, articles), authors, schedule(all, visibility));
    }

    /**
     * Hugo's headless bundles: a folder whose index.md says {@code headless: true} holds resources for other
     * pages, not pages; its other files are left out with one note.
     */
    private static List<SourceDocument> outsideHeadlessBundles(List<SourceDocument> documents, Problems problems) {
        List<String> bundles = new ArrayList<>();
        for (SourceDocument doc : documents) {
            int slash = doc.relativePath().lastIndexOf('/');
            if (slash > 0 && doc.baseName().equals("index") && Boolean.TRUE.equals(doc.fields().values().get("headless"))) {
                bundles.add(doc.relativePath().substring(0, slash + 1));
            }
        }
        if (bundles.isEmpty()) {
            return documents;
        }
        List<SourceDocument> kept = new ArrayList<>();
        Map<String, Integer> left = new TreeMap<>();
        for (SourceDocument doc : documents) {
            String bundle = bundles.stream().filter(b -> doc.relativePath().startsWith(b)).findFirst().orElse(null);
            if (bundle == null || doc.baseName().equals("index") && doc.relativePath().equals(bundle + doc.file().getFileName())) {
                kept.add(doc);
            } else {
                left.merge(bundle, 1, Integer::sum);
            }
        }
        Path content = contentFolder(documents.get(0));
        left.forEach((bundle, count) -> problems.note(content.resolve(bundle), 0,
                "a headless bundle (its index.md says headless: true): its " + count + " other file"
                        + (count == 1 ? " is a resource" : "s are resources") + " of other pages, not published"));
        return kept;
    }

    private static Path contentFolder(SourceDocument doc) {
        Path file = doc.file();
        for (int i = 0; i < doc.relativePath().split("/").length; i++) {
            file = file.getParent();
        }
        return file;
    }

    /** The next article to go live (among those left out only for being early) and the next to expire. */
    private static Schedule schedule(List<Article> all, Visibility visibility) {
        Article nextToPublish = null;
        java.time.ZonedDateTime publishAt = null;
        Article nextToExpire = null;
        java.time.ZonedDateTime expireAt = null;
        for (Article article : all) {
            if (article.draft() && !visibility.drafts()) {
                continue;
            }
            var goesLive = article.publishDate() != null ? article.publishDate() : article.date();
            if (goesLive.toInstant().isAfter(visibility.now()) && !visibility.future()
                    && (publishAt == null || goesLive.isBefore(publishAt))) {
                nextToPublish = article;
                publishAt = goesLive;
            }
            var expires = article.expiryDate();
            if (expires != null && expires.toInstant().isAfter(visibility.now()) && (expireAt == null || expires.isBefore(expireAt))) {
                nextToExpire = article;
                expireAt = expires;
            }
        }
        return new Schedule(nextToPublish, publishAt, nextToExpire, expireAt);
    }

    /** Reports every article at the URL of an earlier one (by path) and returns them. */
    private static Set<Article> urlCollisions(List<Article> articles, Problems problems) {
        Map<String, Article> byUrl = new HashMap<>();
        Set<Article> clashing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        articles.stream().sorted(Comparator.comparing(Article::relativePath)).forEach(article -> {
            Article first = byUrl.putIfAbsent(article.url(), article);
            if (first != null) {
                clashing.add(article);
                problems.error(article.file(), 0, "URL " + article.url() + " is also the URL of content/"
                        + first.relativePath() + " and content/" + article.relativePath()
                        + "; give one of them another 'slug' or change the permalink pattern");
            }
        });
        return clashing;
    }

    private static Taxonomy taxonomy(SiteConfig config, String name, List<Article> articles) {
        String indexUrl = Urls.url(config.basePath(), name + "/");
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Article>> bySlug = new TreeMap<>();
        for (Article article : articles) {
            for (String term : article.termsOf(name)) {
                String slug = Slugs.ofName(term);
                if (slug.isEmpty()) {
                    continue;
                }
                names.putIfAbsent(slug, term);
                List<Article> list = bySlug.computeIfAbsent(slug, s -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != article) {
                    list.add(article);
                }
            }
        }
        // in the site language's alphabetical order ("Égypte" with the E's, not after "World Cup"); a collator
        // of its own per taxonomy, as taxonomies are built side by side
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag(config.language()));
        collator.setStrength(java.text.Collator.SECONDARY);
        List<Term> terms = bySlug.entrySet().stream()
                .map(e -> new Term(names.get(e.getKey()), e.getKey(), indexUrl + e.getKey() + "/", e.getValue()))
                .sorted(Comparator.comparing(Term::name, collator).thenComparing(Term::slug))
                .toList();
        return new Taxonomy(name, indexUrl, terms);
    }

    private static List<ArchiveYear> archive(SiteConfig config, List<Article> articles) {
        Map<Integer, Map<YearMonth, List<Article>>> years = new TreeMap<>(Comparator.reverseOrder());
        for (Article article : articles) {
            YearMonth month = YearMonth.from(article.date());
            years.computeIfAbsent(month.getYear(), y -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(month, m -> new ArrayList<>())
                    .add(article);
        }
        List<ArchiveYear> result = new ArrayList<>();
        years.forEach((year, months) -> result.add(new ArchiveYear(year, Urls.url(config.basePath(), year + "/"),
                months.entrySet().stream().map(e -> new ArchiveYear.Month(e.getKey(), e.getValue())).toList())));
        return result;
    }
}
