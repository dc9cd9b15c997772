package dev.gazette.build;

import dev.gazette.config.SiteConfig;
import dev.gazette.content.AuthorProfile;
import dev.gazette.content.Pager;
import dev.gazette.content.Site;
import dev.gazette.content.SiteModelBuilder;
import dev.gazette.content.Taxonomy;
import dev.gazette.content.Term;
import dev.gazette.content.Urls;
import dev.gazette.content.Visibility;
import dev.gazette.html.BodyProcessor;
import dev.gazette.i18n.Typography;
import dev.gazette.i18n.UiStrings;
import dev.gazette.media.ImageSizes;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.output.OutputFolder;
import dev.gazette.output.OutputSafety;
import dev.gazette.problem.Problem;
import dev.gazette.problem.Problems;
import dev.gazette.resident.ParsedFiles;
import dev.gazette.source.ContentLoader;
import dev.gazette.source.SourceCache;
import dev.gazette.source.SourceDocument;
import dev.gazette.source.SiteConfigFile;
import dev.gazette.source.SiteFiles;
import dev.gazette.templates.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Builds a site in named stages: settings, sources, model, plan, render, publish. Content and template problems
 * are collected from every stage and reported together; the output folder changes only when there are none.
 */
public final class SiteBuilder {

    private final MarkdownRenderer markdown = Libraries.MARKDOWN;
    private final String version;

    /** The Markdown renderer every build shares (immutable, safe on any thread), made on first use. */
    private static final class Libraries {
        static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    }

    /**
     * Starts loading and initializing the libraries a build uses (YAML, Markdown, HTML), on a thread of its own,
     * so that a command line about to build can do it while its options are still being read: in a fresh process
     * that is a tenth of a second or more of one core, which the other core otherwise spends waiting. It reports
     * nothing and changes nothing a build sees.
     */
    public static void warmUpLibraries() {
        Thread thread = new Thread(() -> {
            try {
                dev.gazette.source.YamlReader.read("title: Warm\ndate: 2024-01-02T10:00:00Z\ntags: [a, b]\n", 1);
                new BodyProcessor(true, "/", new ImageSizes(Path.of("static"), "/"))
                        .process(Libraries.MARKDOWN.render("## Warm\n\nA *short* paragraph, with a [link](https://example.org/).\n"),
                                true, null, href -> Optional.empty(), href -> { });
            } catch (RuntimeException | dev.gazette.source.SourceException e) {
                // the build itself meets and reports whatever this met
            }
        }, "gazette-warm-up-libraries");
        thread.setDaemon(true);
        thread.start();
    }

    public SiteBuilder(String version) {
        this.version = version;
    }

    public BuildResult build(BuildRequest request) throws BuildException {
        return build(request, published -> { });
    }

    /**
     * Builds, and tells {@code published} as soon as the new output is in place, before the build cache is saved
     * (serve reloads browsers then): with the same result but for the cache's stage and time. Not told when the
     * build fails.
     */
    public BuildResult build(BuildRequest request, java.util.function.Consumer<BuildResult> published)
            throws BuildException {
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
        try (BuildLock lock = BuildLock.acquire(request.output())) {
            return buildLocked(request, start, problems, watch, published);
        } catch (IOException e) {
            throw new BuildException("I/O error: " + e.getMessage(), e);
        }
    }

    private BuildResult buildLocked(BuildRequest request, long start, Problems problems, Stopwatch watch,
            java.util.function.Consumer<BuildResult> published) throws BuildException {
        ForkJoinPool pool = new ForkJoinPool(request.jobs());
        try {
            Loaded loaded = load(request, pool, problems, watch);
            if (loaded == null) {
                return result(0, 0, 0, 0, start, problems, watch);
            }
            Site site = loaded.site();
            List<PlannedPage> plan = loaded.plan();
            try (OutputFolder output = OutputFolder.stage(request.output())) {
                if (output.recoveredPublish()) {
                    // the killed build's cache may describe the output before it: no page is kept on its word
                    BuildCache.forgetPages(request.output());
                    problems.warning(request.output(), 0, "the previous build was stopped while it published; "
                            + "its publishing was finished first, and every page is checked again");
                }
                PageStage.Rendered rendered;
                try {
                    rendered = inPool(pool, () -> new PageStage(markdown, version).render(request, site,
                            loaded.strings(), loaded.theme(), plan, output, problems, watch));
                } finally {
                    // interrupted: the pool's threads stop writing before the staging folder is deleted
                    finish(pool, Thread.currentThread());
                }
                if (problems.hasErrors()) {
                    output.abort();
                    return result(0, 0, 0, site.articles().size(), start, problems, watch);
                }
                if (Thread.currentThread().isInterrupted()) {
                    // whoever asked for the build has gone (an interrupted caller): publish nothing
                    throw new IOException("build interrupted");
                }
                output.commit();
                watch.lap("publish");
                published.accept(result(rendered.pages(), output.filesWritten(), output.filesChanged(),
                        site.articles().size(), start, problems, watch).withSchedule(site.schedule()));
                rendered.cache().save();
                output.published();
                watch.lap("cache");
                return result(rendered.pages(), output.filesWritten(), output.filesChanged(), site.articles().size(),
                        start, problems, watch).withSchedule(site.schedule());
            }
        } catch (IOException e) {
            throw new BuildException("I/O error: " + e.getMessage(), e);
        } finally {
            finish(pool, Thread.currentThread()); // interrupted: a stage still running stops at its next file operation
        }
    }

    /** What the stages before rendering made. */
    private record Loaded(UiStrings strings, Theme theme, Site site, List<PlannedPage> plan) {
    }

    /**
     * Settings, UI strings, theme, sources, model and plan (with the clashes it finds reported); null when the
     * settings have errors.
     */
    private Loaded load(BuildRequest request, ForkJoinPool pool, Problems problems, Stopwatch watch)
            throws IOException {
        SiteConfig config = loadConfig(request, problems);
        watch.lap("settings");
        if (problems.hasErrors()) {
            return null;
        }
        UiStrings strings = new UiStrings(config.language(), SiteData.strings(request.site(), problems),
                (lang, keys) -> problems.warning(request.site().resolve("i18n"), 0, "UI strings missing in '" + lang
                        + "' (" + keys.size() + "): " + String.join(", ", keys) + "; using " + config.language()
                        + (config.language().equals("en") ? "" : ", then en") + " for them"));
        Theme theme = Theme.of(request.site().resolve("templates"), strings);
        warmUp(config, theme, request.site().resolve("static"));
        Site site = loadSite(request, config, pool, problems, watch);
        if (!request.strict()) {
            // an article file with errors is left out of the model already: the rest of the site is published
            problems.skipFilesWithErrors(request.site().resolve("content"));
        }
        List<PlannedPage> plan = plan(site);
        dropPagesOutsideOutput(site, plan, problems);
        reportClashes(request, site, plan, problems);
        watch.lap("plan");
        return new Loaded(strings, theme, site, plan);
    }

    /**
     * Shuts a build's pool down; when the build was interrupted, its threads too, and waits for them (a little),
     * so that what comes next has the cores.
     */
    private static void finish(ForkJoinPool pool, Thread caller) {
        if (!caller.isInterrupted()) {
            pool.shutdown();
            return;
        }
        pool.shutdownNow();
        Thread.interrupted();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // waited enough
        } finally {
            caller.interrupt();
        }
    }

    /**
     * Gets Markdown, HTML post-processing and the templates ready on a thread of its own while the sources and the
     * model are read: loading and initializing their classes and compiling the templates takes a few hundred
     * milliseconds of a cold start, which otherwise delays the first page (and a rebuild renders only a few).
     * Nothing it does is seen by the build but the compiled templates; it reports nothing.
     */
    private void warmUp(SiteConfig config, Theme theme, Path staticDir) {
        Thread thread = new Thread(() -> {
            try {
                theme.prepare("article.html", "list.html", "terms.html", "archive.html", "search.html", "404.html");
                String lang = config.typography() && Typography.applies(config.language()) ? config.language() : null;
                new BodyProcessor(!config.unsafeHtml(), config.basePath(), new ImageSizes(staticDir, config.basePath()))
                        .process(markdown.render("## Warm\n\nA *short* paragraph, with a [link](https://example.org/).\n"),
                                true, lang, href -> Optional.empty(), href -> { });
            } catch (RuntimeException e) {
                // the build itself will meet and report whatever this met
            }
        }, "gazette-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Sources and model; the source documents are dropped once the model is built. */
    private static Site loadSite(BuildRequest request, SiteConfig config, ForkJoinPool pool, Problems problems,
            Stopwatch watch) throws IOException {
        SourceCache cache = SourceCache.open(BuildCache.dir(request.output()).resolve("sources.bin"),
                BuildCache.hash(Fingerprints.code(), config.toString()), request.clean());
        List<SourceDocument> documents = inPool(pool,
                () -> new ContentLoader(config, cache).load(request.site().resolve("content"), problems));
        cache.save();
        watch.lap("sources");
        List<AuthorProfile> authors = SiteData.authors(request.site(), problems);
        Site site = inPool(pool, () -> SiteModelBuilder.build(config, documents,
                new Visibility(request.drafts(), request.future(), request.now()), authors, problems));
        watch.lap("model");
        return site;
    }

    private static SiteConfig loadConfig(BuildRequest request, Problems problems) throws IOException {
        SiteConfig config = SiteConfigFile.load(request.site(), problems);
        return request.baseUrl() == null ? config : config.withBaseUrl(request.baseUrl());
    }

    /** Every page of the site, in a stable order, before anything is rendered. */
    private static List<PlannedPage> plan(Site site) {
        List<PlannedPage> plan = new ArrayList<>();
        site.articles().forEach(a -> plan.add(new PlannedPage.ArticlePage(a)));
        site.pages().forEach(p -> plan.add(new PlannedPage.StandalonePage(p)));
        site.articles().forEach(a -> a.aliases().forEach(alias -> plan.add(new PlannedPage.RedirectPage(alias, a))));
        site.pages().forEach(p -> p.aliases().forEach(alias -> plan.add(new PlannedPage.RedirectPage(alias, p))));
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
                Pager.paginate(term.articles(), site.config().termPageSize(), term.url())
                        .forEach(p -> plan.add(new PlannedPage.TermPage(taxonomy, term, p)));
            }
        }
        site.years().forEach(y -> plan.add(new PlannedPage.ArchivePage(y)));
        plan.add(new PlannedPage.SearchPage(site.url("/search/")));
        plan.add(new PlannedPage.NotFoundPage());
        return plan;
    }

    /**
     * A page whose URL would put its file outside the output folder (a ".." that reached a URL) is reported and
     * left out of the plan, so that the build fails with the page's origin named instead of an internal error.
     */
    private static void dropPagesOutsideOutput(Site site, List<PlannedPage> plan, Problems problems) {
        String base = site.config().basePath();
        plan.removeIf(page -> {
            if (!escapesOutput(outputPath(page, base))) {
                return false;
            }
            Path file = page instanceof PlannedPage.ArticlePage a ? a.article().file() : null;
            problems.error(file, 0, "URL " + page.url() + " of " + page.origin()
                    + " would be written outside the output folder; remove '..' from its slug or permalink");
            return true;
        });
    }

    static boolean escapesOutput(String relativePath) {
        return relativePath.startsWith("/") || Urls.leavesItsFolder(relativePath);
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
        // the links it skips are reported once, when static/ is copied
        for (SiteFiles.Found found : PageStage.staticFiles(request.site(), site.config(), new Problems())) {
            Path file = found.file();
            PlannedPage page = byPath.get(staticDir.relativize(file).toString().replace('\\', '/'));
            if (page != null) {
                problems.error(file, 0, "static file would overwrite " + page.origin() + " at " + page.url());
            }
        }
    }

    static String outputPath(PlannedPage page, String basePath) {
        return page instanceof PlannedPage.NotFoundPage ? "404.html" : Urls.outputPath(page.url(), basePath);
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
    static final class Stopwatch {
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
