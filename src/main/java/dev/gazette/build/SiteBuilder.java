package dev.gazette.build;

import dev.gazette.config.SiteConfig;
import dev.gazette.content.Article;
import dev.gazette.content.Pager;
import dev.gazette.content.Site;
import dev.gazette.content.SiteModelBuilder;
import dev.gazette.content.Taxonomy;
import dev.gazette.content.Term;
import dev.gazette.content.Urls;
import dev.gazette.content.Visibility;
import dev.gazette.html.BodyProcessor;
import dev.gazette.html.RenderedBody;
import dev.gazette.content.AuthorProfile;
import dev.gazette.i18n.Typography;
import dev.gazette.i18n.UiStrings;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.media.ImageSizes;
import dev.gazette.output.OutputFolder;
import dev.gazette.output.OutputSafety;
import dev.gazette.problem.Problem;
import dev.gazette.problem.Problems;
import dev.gazette.source.ContentLoader;
import dev.gazette.source.SourceDocument;
import dev.gazette.source.SiteConfigFile;
import dev.gazette.templates.TemplateException;
import dev.gazette.templates.Theme;
import dev.gazette.templates.Views;
import dev.gazette.templates.Views.ArticleView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * Builds a site in named stages: settings, sources, model, plan, render, publish. Content and template problems
 * are collected from every stage and reported together; the output folder changes only when there are none.
 */
public final class SiteBuilder {

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final String version;

    public SiteBuilder(String version) {
        this.version = version;
    }

    public BuildResult build(BuildRequest request) throws BuildException {
        long start = System.nanoTime();
        Problems problems = new Problems();
        Stopwatch watch = new Stopwatch();
        Optional<String> refusal = OutputSafety.refusal(request.site(), request.output(),
                Path.of(System.getProperty("user.home")));
        if (refusal.isPresent()) {
            throw BuildException.refused(refusal.get());
        }
        if (!Files.isDirectory(request.site())) {
            throw BuildException.refused("site folder " + request.site() + " does not exist");
        }
        ForkJoinPool pool = new ForkJoinPool(request.jobs());
        try {
            SiteConfig config = loadConfig(request, problems);
            watch.lap("settings");
            if (problems.hasErrors()) {
                return result(0, 0, 0, 0, start, problems, watch);
            }
            List<SourceDocument> documents = inPool(pool,
                    () -> new ContentLoader(config).load(request.site().resolve("content"), problems));
            watch.lap("sources");
            List<AuthorProfile> authors = SiteData.authors(request.site(), problems);
            UiStrings strings = new UiStrings(config.language(), SiteData.strings(request.site(), problems),
                    (lang, keys) -> problems.warning(request.site().resolve("i18n"), 0, "UI strings missing in '" + lang
                            + "' (" + keys.size() + "): " + String.join(", ", keys) + "; using " + config.language()
                            + (config.language().equals("en") ? "" : ", then en") + " for them"));
            Site site = inPool(pool, () -> SiteModelBuilder.build(config, documents,
                    new Visibility(request.drafts(), request.future(), request.now()), authors, problems));
            watch.lap("model");
            List<PlannedPage> plan = plan(site);
            reportClashes(request, site, plan, problems);
            watch.lap("plan");
            try (OutputFolder output = OutputFolder.stage(request.output())) {
                Rendered rendered = inPool(pool, () -> render(request, site, strings, plan, output, problems, watch));
                if (problems.hasErrors()) {
                    output.abort();
                    return result(0, 0, 0, site.articles().size(), start, problems, watch);
                }
                output.commit();
                rendered.cache().save();
                watch.lap("publish");
                return result(rendered.pages(), output.filesWritten(), output.filesChanged(), site.articles().size(),
                        start, problems, watch).withSchedule(site.schedule());
            }
        } catch (IOException e) {
            throw new BuildException("I/O error: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
    }

    private static SiteConfig loadConfig(BuildRequest request, Problems problems) throws IOException {
        SiteConfig config = SiteConfigFile.load(request.site(), problems);
        return request.baseUrl() == null ? config : config.withBaseUrl(request.baseUrl());
    }

    /** Every page of the site, in a stable order, before anything is rendered. */
    private static List<PlannedPage> plan(Site site) {
        List<PlannedPage> plan = new ArrayList<>();
        site.articles().forEach(a -> plan.add(new PlannedPage.ArticlePage(a)));
        int size = site.config().pageSize();
        Pager.paginate(site.articles(), size, site.url("/")).forEach(p -> plan.add(new PlannedPage.HomePage(p)));
        if (site.config().multilingual()) {
            for (String lang : site.config().languages()) {
                Pager.paginate(Syndicator.inLanguage(site.articles(), lang), size, site.url("/" + lang + "/"))
                        .forEach(p -> plan.add(new PlannedPage.LanguageHomePage(lang, p)));
            }
        }
        for (Taxonomy taxonomy : site.taxonomies()) {
            plan.add(new PlannedPage.TaxonomyIndexPage(taxonomy));
            for (Term term : taxonomy.terms()) {
                Pager.paginate(term.articles(), size, term.url())
                        .forEach(p -> plan.add(new PlannedPage.TermPage(taxonomy, term, p)));
            }
        }
        site.years().forEach(y -> plan.add(new PlannedPage.ArchivePage(y)));
        plan.add(new PlannedPage.SearchPage(site.url("/search/")));
        plan.add(new PlannedPage.NotFoundPage());
        return plan;
    }

    /** Two pages, or a page and a static file, at one output path: an error naming both, never an overwrite. */
    private static void reportClashes(BuildRequest request, Site site, List<PlannedPage> plan, Problems problems)
            throws IOException {
        String base = site.config().basePath();
        Map<String, PlannedPage> byPath = new HashMap<>();
        for (PlannedPage page : plan) {
            String path = outputPath(page, base);
            PlannedPage first = byPath.putIfAbsent(path, page);
            if (first != null && !(first instanceof PlannedPage.ArticlePage && page instanceof PlannedPage.ArticlePage)) {
                // article against article is already reported by the model, with both files
                Path file = page instanceof PlannedPage.ArticlePage a ? a.article().file()
                        : first instanceof PlannedPage.ArticlePage a ? a.article().file() : null;
                problems.error(file, 0, "URL " + page.url() + " is claimed twice: by " + first.origin() + " and by "
                        + page.origin() + "; change a slug or the permalink pattern");
            }
        }
        Path staticDir = request.site().resolve("static");
        if (Files.isDirectory(staticDir)) {
            try (Stream<Path> files = Files.walk(staticDir)) {
                files.filter(Files::isRegularFile).forEach(file -> {
                    String path = staticDir.relativize(file).toString().replace('\\', '/');
                    PlannedPage page = byPath.get(path);
                    if (page != null) {
                        problems.error(file, 0, "static file would overwrite " + page.origin() + " at " + page.url());
                    }
                });
            }
        }
    }

    private static String outputPath(PlannedPage page, String basePath) {
        return page instanceof PlannedPage.NotFoundPage ? "404.html" : Urls.outputPath(page.url(), basePath);
    }

    /**
     * Renders every page into the output: article pages first (they make the cards lists show). Bodies and pages
     * whose inputs are the same as in the previous build come from the build cache.
     */
    private Rendered render(BuildRequest request, Site site, UiStrings strings, List<PlannedPage> plan,
            OutputFolder output, Problems problems, Stopwatch watch) throws IOException {
        SiteConfig config = site.config();
        Path staticDir = request.site().resolve("static");
        ImageSizes imageSizes = new ImageSizes(staticDir, config.basePath());
        Theme theme = new Theme(request.site().resolve("templates"), strings);
        ViewFactory views = new ViewFactory(site, imageSizes, strings, version);
        PageRenderer pages = new PageRenderer(site, strings, views);
        BodyProcessor bodies = new BodyProcessor(!config.unsafeHtml(), config.basePath(), imageSizes);
        Map<String, String> urlsByFile = new TreeMap<>();
        site.articles().forEach(a -> urlsByFile.put(a.relativePath(), a.url()));
        String linksKey = BuildCache.hash(urlsByFile.toString());
        String bodyOptions = BuildCache.hash(version, String.valueOf(config.unsafeHtml()), config.basePath(),
                String.valueOf(config.typography()), Fingerprints.files(staticDir));
        BuildCache cache = BuildCache.open(request.output(),
                BuildCache.hash(version, Fingerprints.code(), Fingerprints.contents(request.site().resolve("templates"))),
                request.clean());
        TemplateProblems templateProblems = new TemplateProblems(theme, problems);
        String base = config.basePath();
        String siteText = views.site().toString();

        Syndicator syndicator = new Syndicator(site, "Gazette " + version);
        Set<String> inFeeds = syndicator.articlesInFeeds();
        Map<String, RenderedBody> feedBodies = new ConcurrentHashMap<>();
        Map<String, List<String>> searchTerms = new ConcurrentHashMap<>();
        Map<String, ArticleView> cards = new ConcurrentHashMap<>();
        try {
            site.articles().parallelStream().forEach(article -> {
                RenderedBody body = body(article, config, bodies, cache, bodyOptions, linksKey, urlsByFile, problems);
                cards.put(article.url(), views.card(article, body));
                searchTerms.put(article.url(), body.terms());
                if (inFeeds.contains(article.url())) {
                    feedBodies.put(article.url(), body);
                }
                publish(output, cache, theme, siteText, article.outputPath(base), pages.article(article, body), templateProblems);
            });
            watch.lap("articles");
            plan.parallelStream().filter(p -> !(p instanceof PlannedPage.ArticlePage)).forEach(page ->
                    publish(output, cache, theme, siteText, outputPath(page, base), listModel(pages, page, cards), templateProblems));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        watch.lap("lists");
        int written = output.filesWritten();
        // Generated files give way to a static file at the same path (a site's own robots.txt).
        Syndicator.FileSink sink = (path, text) -> {
            if (!Files.exists(staticDir.resolve(path))) {
                try {
                    output.write(path, text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        try {
            syndicator.feeds(cards, feedBodies, sink);
            syndicator.sitemaps(plan).forEach(sink::write);
            sink.write("search-index.json", syndicator.searchIndex(cards, searchTerms));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        watch.lap("feeds");
        for (String asset : List.of("assets/gazette.css", "assets/search.js")) {
            Optional<byte[]> bytes = theme.asset(asset);
            if (bytes.isPresent() && !Files.exists(staticDir.resolve(asset))) {
                output.write(asset, bytes.get());
            }
        }
        output.copyTree(staticDir);
        watch.lap("static");
        return new Rendered(written, cache);
    }

    /** What rendering produced: the number of pages, and the cache to save once the output is in place. */
    private record Rendered(int pages, BuildCache cache) {
    }

    /** An article's body: from the cache when its inputs are unchanged, else rendered (and cached). */
    private RenderedBody body(Article article, SiteConfig config, BodyProcessor bodies, BuildCache cache,
            String bodyOptions, String linksKey, Map<String, String> urlsByFile, Problems problems) {
        String markdownText = article.body();
        boolean linksToArticles = markdownText.contains(".md") || markdownText.contains(".txt")
                || markdownText.contains(".markdown");
        String typographyLang = config.typography() && Typography.applies(article.lang()) ? article.lang() : null;
        String key = BuildCache.hash(bodyOptions, article.relativePath(), String.valueOf(article.image() == null),
                linksToArticles ? linksKey : "", String.valueOf(typographyLang), markdownText);
        BuildCache.CachedBody cached = cache.body(key).orElse(null);
        if (cached == null) {
            List<String> broken = new ArrayList<>();
            RenderedBody body = bodies.process(markdown.render(markdownText), article.image() == null, typographyLang,
                    href -> resolveArticleLink(article, href, urlsByFile), broken::add);
            cached = new BuildCache.CachedBody(body, broken);
            cache.storeBody(key, cached);
        }
        for (String href : cached.brokenLinks()) {
            problems.error(article.file(), 0, "link to '" + href + "' does not lead to a published article");
        }
        return cached.body();
    }

    /**
     * The hash of everything a page's template sees. The site view is the same object on every page, so its text
     * is made once; records print all their fields, so any change to what a page shows changes its key.
     */
    private static String pageKey(PageRenderer.PageModel model, String siteText) {
        List<String> parts = new ArrayList<>(model.variables().size() * 2 + 1);
        parts.add(model.template());
        model.variables().forEach((name, value) -> {
            parts.add(name);
            if (value instanceof Views.SiteView) {
                parts.add(siteText);
            } else if (value instanceof ArticleView article && article.body() != null) {
                // the body is most of the page: hash it in place rather than printing it inside the record
                parts.add(article.body());
                parts.add(PageRenderer.withoutBody(article).toString());
            } else {
                parts.add(String.valueOf(value));
            }
        });
        return BuildCache.hash(parts.toArray(String[]::new));
    }

    /** Renders and writes a page, unless the previous build made it from the same inputs and its file is there. */
    private static void publish(OutputFolder output, BuildCache cache, Theme theme, String siteText, String path,
            PageRenderer.PageModel model, TemplateProblems templateProblems) {
        String key = pageKey(model, siteText);
        if (cache.unchanged(path, key) && output.keep(path)) {
            cache.recordPage(path, key);
            return;
        }
        try {
            output.write(path, theme.render(model.template(), model.variables()));
            cache.recordPage(path, key);
        } catch (TemplateException e) {
            templateProblems.report(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PageRenderer.PageModel listModel(PageRenderer pages, PlannedPage page, Map<String, ArticleView> cards) {
        if (page instanceof PlannedPage.HomePage home) {
            return pages.home(home.pager(), cards);
        } else if (page instanceof PlannedPage.LanguageHomePage home) {
            return pages.languageHome(home.lang(), home.pager(), cards);
        } else if (page instanceof PlannedPage.TermPage term) {
            return pages.term(term.taxonomy().name(), term.term(), term.pager(), cards);
        } else if (page instanceof PlannedPage.TaxonomyIndexPage index) {
            return pages.taxonomyIndex(index.taxonomy());
        } else if (page instanceof PlannedPage.ArchivePage archive) {
            return pages.archive(archive.year(), cards);
        } else if (page instanceof PlannedPage.NotFoundPage) {
            return pages.notFound();
        } else if (page instanceof PlannedPage.SearchPage) {
            return pages.search();
        }
        throw new IllegalStateException("not a list page: " + page);
    }

    private static Optional<String> resolveArticleLink(Article from, String href, Map<String, String> urlsByFile) {
        String[] parts = href.split("#", 2);
        String dir = from.relativePath().contains("/") ? from.relativePath().substring(0, from.relativePath().lastIndexOf('/') + 1) : "";
        String target = Path.of(dir + parts[0]).normalize().toString().replace('\\', '/');
        String url = urlsByFile.get(target);
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(parts.length > 1 ? url + "#" + parts[1] : url);
    }

    /** A broken template fails every page that uses it: report each distinct failure once. */
    private static final class TemplateProblems {
        private final Theme theme;
        private final Problems problems;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        TemplateProblems(Theme theme, Problems problems) {
            this.theme = theme;
            this.problems = problems;
        }

        void report(TemplateException e) {
            if (seen.add(e.template() + ":" + e.line() + ":" + e.getMessage())) {
                Path file = theme.siteFileOf(e.template()).orElse(Path.of("(built-in theme)", e.template()));
                problems.error(file, e.line(), "template error: " + e.getMessage());
            }
        }
    }

    @FunctionalInterface
    private interface Stage<T> {
        T run() throws IOException;
    }

    /** Runs a stage on the build's pool, so its parallel streams use {@code --jobs} threads. */
    private static <T> T inPool(ForkJoinPool pool, Stage<T> stage) throws IOException {
        try {
            return pool.submit(() -> {
                try {
                    return stage.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("build interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static BuildResult result(int pages, int files, int changed, int articles, long start, Problems problems,
            Stopwatch watch) {
        List<Problem> all = problems.sorted();
        return new BuildResult(pages, files, changed, articles, Duration.ofNanos(System.nanoTime() - start), all,
                watch.stages(), null);
    }

    /** Stage timings, for --verbose and for finding where a build spends its time. */
    private static final class Stopwatch {
        private final List<BuildResult.Stage> stages = new ArrayList<>();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            stages.add(new BuildResult.Stage(stage, Duration.ofNanos(now - last)));
            last = now;
        }

        List<BuildResult.Stage> stages() {
            return stages;
        }
    }
}
