package dev.gazette.build;

import dev.gazette.config.SiteConfig;
import dev.gazette.content.Article;
import dev.gazette.content.Site;
import dev.gazette.content.Urls;
import dev.gazette.html.BodyProcessor;
import dev.gazette.html.RenderedBody;
import dev.gazette.i18n.Typography;
import dev.gazette.i18n.UiStrings;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.markdown.Shortcodes;
import dev.gazette.media.ImageSizes;
import dev.gazette.media.ResponsiveImages;
import dev.gazette.output.OutputFolder;
import dev.gazette.parallel.Parallel;
import dev.gazette.problem.Problems;
import dev.gazette.source.SiteFiles;
import dev.gazette.source.SourceException;
import dev.gazette.syndication.Feed;
import dev.gazette.templates.TemplateException;
import dev.gazette.templates.Theme;
import dev.gazette.templates.Views;
import dev.gazette.templates.Views.ArticleView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * The render stage: every planned page into the output, article pages first (they make the cards lists show),
 * then list pages, feeds, sitemaps and the search index, then assets. Bodies and pages whose inputs are the same
 * as in the previous build come from the build cache.
 */
final class PageStage {

    private final MarkdownRenderer markdown;
    private final String version;
    /** Hugo shortcodes' and Liquid tags' view of the site, made on first use (most sites have none). */
    private Supplier<ShortcodeSite> shortcodeSite;

    PageStage(MarkdownRenderer markdown, String version) {
        this.markdown = markdown;
        this.version = version;
    }

    /**
     * Renders every page into the output: article pages first (they make the cards lists show). Bodies and pages
     * whose inputs are the same as in the previous build come from the build cache.
     */
    Rendered render(BuildRequest request, Site site, UiStrings strings, Theme theme, List<PlannedPage> plan,
            OutputFolder output, Problems problems, SiteBuilder.Stopwatch watch) throws IOException {
        SiteConfig config = site.config();
        Path staticDir = request.site().resolve("static");
        ImageSizes imageSizes = new ImageSizes(staticDir, config.basePath());
        ViewFactory views = new ViewFactory(site, imageSizes, strings, version);
        Map<String, String> sectionTexts = SiteData.sectionTexts(request.site(), problems);
        PageRenderer pages = new PageRenderer(site, strings, views, sectionTexts);
        BodyProcessor bodies = new BodyProcessor(!config.unsafeHtml(), config.basePath(), imageSizes);
        // every article's file and URL, for links between articles; the key of that table digests it in the
        // model's order (printing a sorted map of 10,000 entries to hash it took 70 ms of a rebuild)
        List<Article> linkable = site.articlesAndPages();
        Map<String, String> urlsByFile = new HashMap<>(linkable.size() * 2);
        String[] filesAndUrls = new String[linkable.size() * 2];
        int next = 0;
        for (Article article : linkable) {
            urlsByFile.put(article.relativePath(), article.url());
            filesAndUrls[next++] = article.relativePath();
            filesAndUrls[next++] = article.url();
        }
        String linksKey = BuildCache.hash(filesAndUrls);
        shortcodeSite = memoized(() -> new ShortcodeSite(config, linkable, urlsByFile, request.site()));
        String bodyOptions = BuildCache.hash(version, String.valueOf(config.unsafeHtml()), config.basePath(),
                String.valueOf(config.typography()), Fingerprints.files(staticDir));
        BuildCache cache = BuildCache.open(request.output(), cacheFingerprint(request, version), request.clean());
        TemplateProblems templateProblems = new TemplateProblems(theme, problems);
        String base = config.basePath();
        String siteText = PageKeys.text(views.site());

        Map<String, String> digests = articleDigests(site);
        // the sections' texts (content/world/_index.md) are on their pages: any change makes the lists again
        String globalState = BuildCache.hash(siteText, bodyOptions, config.toString(), sectionTexts.toString());
        String siteState = BuildCache.hash(globalState,
                String.join(",", site.articles().stream().map(a -> digests.get(a.url())).toList()));

        Syndicator syndicator = new Syndicator(site, "Gazette " + version);
        Set<String> inFeeds = syndicator.articlesInFeeds();
        Map<String, RenderedBody> feedBodies = new ConcurrentHashMap<>();
        Map<String, RenderedBody> bodyFacts = new ConcurrentHashMap<>();
        Map<String, Article> byUrl = new HashMap<>();
        site.articles().forEach(a -> byUrl.put(a.url(), a));
        Cards cards = new Cards(views, byUrl, bodyFacts);
        Map<String, String> bodyKeys = new ConcurrentHashMap<>();
        ShownArticles shown = new ShownArticles(digests, bodyKeys); // read once the article stage filled bodyKeys
        ForkJoinTask<?> searchIndex = null;
        int written;
        try {
            Parallel.forEach(site.articles(), article -> {
                BodyRef ref = body(article, config, bodies, cache, bodyOptions, linksKey, urlsByFile, problems);
                bodyKeys.put(article.url(), ref.key());
                // the facts only: a body's HTML is dropped once its page is written (feeds keep their own)
                RenderedBody facts = ref.body();
                bodyFacts.put(article.url(), facts.html().isEmpty() ? facts : new RenderedBody("", facts.summary(),
                        facts.wordCount(), facts.links(), facts.terms()));
                if (inFeeds.contains(article.url())) {
                    ref = withHtml(ref, article, config, bodies, cache, urlsByFile);
                    feedBodies.put(article.url(), ref.body());
                }
                publishArticle(output, cache, theme, siteText, siteState, globalState, digests, views, article, ref,
                        cards, pages, config, bodies, urlsByFile, templateProblems);
            });
            watch.lap("articles");
            // the search index needs only the articles' facts: it is made alongside the lists and feeds, on
            // whichever thread of the pool is free, instead of on its own after them
            searchIndex = Files.exists(staticDir.resolve("search-index.json")) ? null : ForkJoinTask.adapt(() -> {
                try {
                    publishSearchIndex(site, views, bodyFacts, output, cache, globalState, digests, bodyKeys);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).fork();
            CardKeys cardKeys = new CardKeys(cards);
            Parallel.forEach(plan.stream().filter(p -> !(p instanceof PlannedPage.ArticlePage)).toList(), page -> {
                String path = SiteBuilder.outputPath(page, base);
                if (page instanceof PlannedPage.StandalonePage standalone) {
                    Article a = standalone.article();
                    BodyRef ref = withHtml(body(a, config, bodies, cache, bodyOptions, linksKey, urlsByFile, problems),
                            a, config, bodies, cache, urlsByFile);
                    write(output, cache, theme, path, "page:" + ref.key(), "-", "-", pages.standalone(a, ref.body()),
                            templateProblems);
                    return;
                }
                if (page instanceof PlannedPage.RedirectPage redirect) {
                    try {
                        output.write(path, Redirects.page(config.absoluteUrl(redirect.article().url()),
                                redirect.article().title(), redirect.article().lang()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return;
                }
                String inputs = listInputs(siteState, path, page, site, shown);
                String[] previous = cache.previousPage(path);
                if (previous.length == 3 && previous[1].equals(inputs) && output.keep(path)) {
                    // same site state and bodies: the finer digest is the previous one too
                    cache.recordPage(path, previous[0], inputs, previous[2]);
                    return;
                }
                String fine = listDependencies(globalState, path, page, site, shown);
                if (!fine.equals("-") && previous.length == 3 && previous[2].equals(fine) && output.keep(path)) {
                    // the site changed elsewhere (an article added to another section): not even its views are built
                    cache.recordPage(path, previous[0], inputs, fine);
                } else {
                    publish(output, cache, theme, siteText, cardKeys, path, inputs, fine, listModel(pages, page, cards),
                            templateProblems);
                }
            });
            watch.lap("lists");
            written = output.filesWritten();
            // Generated files give way to a static file at the same path (a site's own robots.txt).
            Syndicator.FileSink sink = (path, text) -> {
                if (Files.exists(staticDir.resolve(path))) {
                    return false;
                }
                try {
                    output.write(path, text);
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            syndicator.feeds(cards, feedBodies, sink, feedGate(cache, output, globalState, shown));
            publishSitemaps(syndicator, plan, sink, cache, output, siteState);
            if (searchIndex != null) {
                searchIndex.join();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            // a failed stage is reported once the index no longer writes into the output
            awaitQuietly(searchIndex);
            cache.closePacks(); // every body is stored by now
        }
        watch.lap("feeds");
        if (!Files.exists(staticDir.resolve("favicon.svg"))) {
            output.write("favicon.svg", Favicon.svg(config.title()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!Files.exists(staticDir.resolve("site.webmanifest"))) {
            output.write("site.webmanifest", Favicon.manifest(config.title(), config.language(), site.url("/"),
                    site.url("/favicon.svg")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String asset : List.of("assets/gazette.css", "assets/search.js")) {
            Optional<byte[]> bytes = theme.asset(asset);
            if (bytes.isPresent() && !Files.exists(staticDir.resolve(asset))) {
                output.write(asset, bytes.get());
            }
        }
        List<SiteFiles.Found> statics = staticFiles(request.site(), site.config(), problems);
        for (SiteFiles.Found file : statics) {
            output.copy(file.file(), staticDir.relativize(file.file()).toString().replace('\\', '/'));
        }
        writeImageCopies(request, staticDir, statics, imageSizes, output);
        copyBundleResources(request, site, output);
        watch.lap("static");
        return new Rendered(written, cache);
    }

    /**
     * The resized copies of static images that pages list in srcset (resized in parallel, or taken from the build
     * cache); a static file already at a copy's path is the site's own and stays.
     */
    private static void writeImageCopies(BuildRequest request, Path staticDir, List<SiteFiles.Found> statics,
            ImageSizes imageSizes, OutputFolder output) throws IOException {
        ResponsiveImages images = new ResponsiveImages(imageSizes, BuildCache.dir(request.output()).resolve("images"));
        try {
            Parallel.forEach(statics, found -> {
                String relative = staticDir.relativize(found.file()).toString().replace('\\', '/');
                try {
                    for (ResponsiveImages.Copy copy : images.copiesOf(found.file(), relative)) {
                        if (!Files.exists(staticDir.resolve(copy.relativePath()))) {
                            output.write(copy.relativePath(), copy.bytes());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        images.forgetUnused();
    }

    private static <T> Supplier<T> memoized(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    /**
     * Page bundles (Hugo's post/index.md with its images beside it): every other file of the article's folder
     * is copied beside its page, so the body's relative links ("photo.jpg") work as they did. Article files and
     * their metadata files are not resources; symbolic links follow the site's rule (reported by the content
     * walk already).
     */
    private static void copyBundleResources(BuildRequest request, Site site, OutputFolder output) throws IOException {
        Path content = request.site().resolve("content");
        SiteFiles files = new SiteFiles(request.site(), site.config().followExternalSymlinks(), new Problems());
        for (Article article : site.articlesAndPages()) {
            String name = article.file().getFileName().toString();
            Path folder = article.file().getParent();
            if (!(name.equals("index.md") || name.equals("index.markdown")) || folder.equals(content)) {
                continue;
            }
            String page = Urls.outputPath(article.url(), site.config().basePath());
            String target = page.substring(0, page.lastIndexOf('/') + 1);
            for (SiteFiles.Found found : files.walk(folder, dir -> dir.getFileName().toString().startsWith("."),
                    PageStage::bundleResource)) {
                output.copy(found.file(), target + folder.relativize(found.file()).toString().replace('\\', '/'));
            }
        }
    }

    private static boolean bundleResource(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !name.startsWith(".") && !name.endsWith(".md") && !name.endsWith(".markdown") && !name.endsWith(".txt")
                && !name.endsWith(".yaml") && !name.endsWith(".yml") && !name.equals("index.html");
    }

    /** The files of static/, every one (hidden ones too), symbolic links under the site's rule. */
    static List<SiteFiles.Found> staticFiles(Path site, SiteConfig config, Problems problems) throws IOException {
        return new SiteFiles(site, config.followExternalSymlinks(), problems).walk(site.resolve("static"),
                folder -> false, file -> true);
    }

    /** What invalidates the whole build cache: Gazette's version and code, the site's templates, UI strings, data. */
    static String cacheFingerprint(BuildRequest request, String version) throws IOException {
        return BuildCache.hash(version, Fingerprints.code(), Fingerprints.contents(request.site().resolve("templates")),
                // templates read UI strings through t() when they render, outside any view: a change to them must
                // reach every page (data/ is small and read the same way)
                Fingerprints.contents(request.site().resolve("i18n")),
                Fingerprints.contents(request.site().resolve("data")));
    }

    /**
     * The sitemaps, the news sitemap and robots.txt: functions of the site's model without bodies (URLs, dates,
     * titles, languages), so they are kept as the previous build wrote them when the site state is the same (an
     * edit to an article's text). The cache records which files they were.
     */
    private static void publishSitemaps(Syndicator syndicator, List<PlannedPage> plan, Syndicator.FileSink sink,
            BuildCache cache, OutputFolder output, String siteState) {
        String inputs = BuildCache.hash(siteState, "sitemaps");
        String[] previous = cache.previousPage("sitemaps:");
        if (previous.length > 1 && previous[1].equals(inputs)) {
            List<String> files = previous[0].isEmpty() ? List.of() : List.of(previous[0].split(" "));
            if (files.stream().allMatch(output::keep)) {
                cache.recordPage("sitemaps:", previous[0], inputs);
                return;
            }
        }
        List<String> written = new ArrayList<>();
        syndicator.sitemaps(plan).forEach((path, text) -> {
            if (sink.write(path, text)) {
                written.add(path);
            }
        });
        cache.recordPage("sitemaps:", String.join(" ", written), inputs);
    }

    /**
     * Waits for a task that may still write into the output; its failure, if any, has been or is being reported
     * by a join of its own or is second to the failure being reported.
     */
    private static void awaitQuietly(ForkJoinTask<?> task) {
        if (task != null) {
            try {
                task.join();
            } catch (RuntimeException | Error e) {
                // reported by the join in the stage, or second to the failure being reported
            }
        }
    }

    /**
     * The search index (see {@link SearchIndex}), written again only when an article it shows or a body's words
     * changed: its key digests every article's fields and body key.
     */
    private static void publishSearchIndex(Site site, ViewFactory views,
            Map<String, RenderedBody> bodyFacts, OutputFolder output, BuildCache cache, String globalState,
            Map<String, String> digests, Map<String, String> bodyKeys) throws IOException {
        String path = "search-index.json";
        List<Article> articles = site.articles();
        String[] parts = new String[articles.size() * 2 + 2];
        parts[0] = globalState;
        parts[1] = SearchIndex.HEAD;
        for (int i = 0; i < articles.size(); i++) {
            parts[2 + 2 * i] = digests.get(articles.get(i).url());
            parts[3 + 2 * i] = bodyKeys.get(articles.get(i).url());
        }
        List<BuildCache.IndexEntry> entries = List.of(new BuildCache.IndexEntry(BuildCache.hash(parts), 0));
        if (cache.previousIndex().equals(entries) && output.keep(path)) {
            cache.recordIndex(entries);
            return;
        }
        Map<Article, String[]> shown = SearchIndex.entriesOfThisBuild();
        output.write(path, out -> {
            out.write(SearchIndex.HEAD);
            List<String> summaries = new ArrayList<>(articles.size());
            List<String> words = new ArrayList<>(articles.size());
            for (int i = 0; i < articles.size(); i++) {
                Article article = articles.get(i);
                RenderedBody facts = bodyFacts.get(article.url());
                String summary = views.summary(article, facts);
                summaries.add(summary == null ? "" : summary);
                words.add(facts == null ? "" : facts.terms());
                if (i > 0) {
                    out.write(',');
                }
                out.write(SearchIndex.entry(article, () -> ViewFactory.date(article.date(), article.lang()).text(),
                        summary, shown));
            }
            SearchIndex.writeWords(out, articles, words, summaries);
        });
        SearchIndex.keepEntries(shown);
        cache.recordIndex(entries);
    }

    /** What rendering produced: the number of pages, and the cache to save once the output is in place. */
    record Rendered(int pages, BuildCache cache) {
    }

    /**
     * An article's rendered body under the key of its inputs; {@code hasHtml} is false when it came from the
     * cache's index and its HTML has not been read (only pages that must be rendered again, and feeds, read it).
     */
    private record BodyRef(String key, RenderedBody body, boolean hasHtml) {
    }

    /** An article's body: from the cache when its inputs are unchanged, else rendered (and cached). */
    private BodyRef body(Article article, SiteConfig config, BodyProcessor bodies, BuildCache cache,
            String bodyOptions, String linksKey, Map<String, String> urlsByFile, Problems problems) {
        String key = BuildCache.hash(bodyOptions, article.relativePath(), String.valueOf(article.image() == null),
                article.body().linksToFiles() ? linksKey : "", String.valueOf(typographyLang(article, config)),
                article.body().hash());
        BuildCache.CachedBody cached = cache.body(key).orElse(null);
        boolean hasHtml = false;
        if (cached == null) {
            cached = render(article, config, bodies, urlsByFile, problems);
            cache.storeBody(key, cached);
            hasHtml = true;
        }
        for (String href : cached.brokenLinks()) {
            problems.error(article.file(), 0, href.strip().regionMatches(true, 0, "file:", 0, 5)
                    ? "link to '" + href + "' points at a file on a computer, not on the web; link to its web address"
                            + " or put the file in static/"
                    : "link to '" + href + "' does not lead to a published article");
        }
        return new BodyRef(key, cached.body(), hasHtml);
    }

    private static String typographyLang(Article article, SiteConfig config) {
        return config.typography() && Typography.applies(article.lang()) ? article.lang() : null;
    }

    private BuildCache.CachedBody render(Article article, SiteConfig config, BodyProcessor bodies,
            Map<String, String> urlsByFile, Problems problems) {
        String markdownText;
        try {
            markdownText = article.body().read();
        } catch (IOException | SourceException e) {
            problems.error(article.file(), 0, "cannot read the body again: " + e.getMessage());
            markdownText = "";
        }
        if (Shortcodes.present(markdownText)) {
            Shortcodes.Expanded expanded = Shortcodes.expand(markdownText, shortcodeSite.get());
            for (Shortcodes.Warning warning : expanded.warnings()) {
                problems.warning(article.file(), article.bodyLine() + warning.line() - 1, warning.message());
            }
            markdownText = expanded.markdown();
        }
        List<String> broken = new ArrayList<>();
        RenderedBody body;
        try {
            body = bodies.process(markdown.render(markdownText), article.image() == null,
                    typographyLang(article, config), href -> resolveArticleLink(article, href, urlsByFile), broken::add);
        } catch (StackOverflowError e) {
            // a structure nested deeper than the limits the sources check catch: reported, never a crash
            problems.error(article.file(), 0, "the body is nested too deep to render (lists, quotes or HTML "
                    + "inside one another hundreds of times)");
            body = bodies.process(markdown.render(""), true, null, href -> Optional.empty(), href -> { });
        }
        return new BuildCache.CachedBody(body, broken);
    }

    /** The body with its HTML: read from the cache, or rendered again when the cache has lost it. */
    private BodyRef withHtml(BodyRef ref, Article article, SiteConfig config, BodyProcessor bodies, BuildCache cache,
            Map<String, String> urlsByFile) {
        if (ref.hasHtml()) {
            return ref;
        }
        Optional<String> html = cache.html(ref.key());
        if (html.isPresent()) {
            RenderedBody b = ref.body();
            return new BodyRef(ref.key(), new RenderedBody(html.get(), b.summary(), b.wordCount(), b.links(), b.terms()), true);
        }
        BuildCache.CachedBody rendered = render(article, config, bodies, urlsByFile, new Problems());
        cache.storeBody(ref.key(), rendered);
        return new BodyRef(ref.key(), rendered.body(), true);
    }

    /**
     * An article's page. It is the previous one, and its views are not even built, when the site state and its
     * body's key are as they were (an edit to another article's text), or else when its own fields, body and
     * what it shows of other articles are (an article added elsewhere; working this out scores its related
     * articles, so it is only done when the first test fails). Otherwise its key (which uses the body's key, so
     * the HTML need not be read) decides whether it is rendered again.
     */
    private void publishArticle(OutputFolder output, BuildCache cache, Theme theme, String siteText, String siteState,
            String globalState, Map<String, String> digests, ViewFactory views, Article article, BodyRef ref,
            Cards cards, PageRenderer pages, SiteConfig config, BodyProcessor bodies, Map<String, String> urlsByFile,
            TemplateProblems templateProblems) {
        String path = article.outputPath(config.basePath());
        String coarse = BuildCache.hash(siteState, "article", ref.key());
        String[] previous = cache.previousPage(path);
        if (previous.length == 3 && previous[1].equals(coarse) && output.keep(path)) {
            // same site state and body: the fine digest is the previous one too
            cache.recordPage(path, previous[0], coarse, previous[2]);
            return;
        }
        String fine = BuildCache.hash(globalState, "article", digests.get(article.url()), ref.key(),
                views.pageDependencies(article, a -> digests.get(a.url())));
        if (previous.length == 3 && previous[2].equals(fine) && output.keep(path)) {
            cache.recordPage(path, previous[0], coarse, fine);
            return;
        }
        ArticleView card = cards.get(article.url());
        PageRenderer.PageModel model = pages.article(article, ref.body(), card);
        String key = pageKey(model, siteText, bodyByKey(ref.key()));
        if (cache.unchanged(path, key) && output.keep(path)) {
            cache.recordPage(path, key, coarse, fine);
            return;
        }
        // a body rendered in this build has its HTML already, and the model made for the key is the page's
        PageRenderer.PageModel full = ref.hasHtml() ? model
                : pages.article(article, withHtml(ref, article, config, bodies, cache, urlsByFile).body(), card);
        write(output, cache, theme, path, key, coarse, fine, full, templateProblems);
    }

    /**
     * A digest of each published article's fields, all but its body: {@link Article#sourceDigest}, what it was read
     * from (its fields are a function of that and of the settings, which every page digest also covers). Pages
     * are functions of these, of the bodies
     * they show and of the site-wide views and settings: an article page of its own fields and body and of what
     * it shows of other articles (see {@link ViewFactory#pageDependencies}); lists and feeds, more coarsely, of
     * all the digests together (the site state) and of the bodies of the articles they show. When those inputs
     * are what they were in the previous build, the page is the same page and its views are not built. Editing
     * an article's text changes no digest; editing its front matter or adding an article changes the site state
     * (every list and feed is then decided by its full key) and the article pages that show it.
     */
    private static Map<String, String> articleDigests(Site site) {
        // what each article was read from, digested when its file was read (and kept in the source cache):
        // printing 10,000 articles field by field for this was a third of a rebuild's article stage
        Map<String, String> digests = new HashMap<>(site.articles().size() * 2);
        site.articles().forEach(article -> digests.put(article.url(), article.sourceDigest()));
        return digests;
    }

    /**
     * Keeps a feed's three files when what it carries is as it was: its title and language, and what each of its
     * articles was read from and its body's key (a feed item is a function of these and of the site-wide settings,
     * the newest date among them included). The cache records it under {@code feed:} and its folder.
     */
    private static Syndicator.FeedGate feedGate(BuildCache cache, OutputFolder output, String globalState,
            ShownArticles shown) {
        return new Syndicator.FeedGate() {
            @Override
            public boolean keep(String path, List<String> files, String heading, List<Article> items,
                    boolean fullContent) {
                String inputs = inputs(path, heading, items, fullContent);
                if (cache.keyForInputs("feed:" + path, inputs).isPresent()
                        && files.stream().allMatch(file -> output.keep(path + file))) {
                    cache.recordPage("feed:" + path, "feed", inputs, "-");
                    return true;
                }
                return false;
            }

            @Override
            public void made(String path, String heading, List<Article> items, boolean fullContent) {
                cache.recordPage("feed:" + path, "feed", inputs(path, heading, items, fullContent), "-");
            }

            private String inputs(String path, String heading, List<Article> items, boolean fullContent) {
                StringBuilder text = new StringBuilder(64 + items.size() * 66).append(path).append('|')
                        .append(heading).append('|').append(fullContent);
                shown.fields(text, items);
                return BuildCache.hash(globalState, "feed", text.toString());
            }
        };
    }

    /** The model inputs of a list page: the site's model and the bodies of the articles whose cards it can show. */
    private static String listInputs(String siteState, String path, PlannedPage page, Site site,
            ShownArticles shownArticles) {
        List<Article> shown;
        if (page instanceof PlannedPage.HomePage home) {
            // the first page shows stories of every section besides its own list
            shown = home.pager().number() == 1 ? FrontPage.of(site, home.pager()).shown() : home.pager().items();
        } else if (page instanceof PlannedPage.LanguageHomePage home) {
            shown = home.pager().items();
        } else if (page instanceof PlannedPage.TermPage term) {
            shown = term.pager().items();
        } else if (page instanceof PlannedPage.ArchivePage archive) {
            shown = archive.year().months().stream().flatMap(m -> m.articles().stream()).toList();
        } else {
            shown = List.of();
        }
        return shownInputs(siteState, path, shownArticles, shown);
    }

    /**
     * What a list page shows, finer than the site state: the articles it lists (what each is read from and its
     * body's key: a card is a function of these and of the site-wide views and settings), its place in its pager,
     * and what it shows of the site besides (a term's count, the archive's years and their counts, the front
     * page's lead story). When these are what they were, the page is the same page however the site changed
     * elsewhere, and its views are not built. "-" for the pages that show the whole site (a taxonomy's index of
     * terms with their counts): they are decided by the site state and their key.
     */
    private static String listDependencies(String globalState, String path, PlannedPage page, Site site,
            ShownArticles shown) {
        StringBuilder text = new StringBuilder(1024).append(path).append('|');
        if (page instanceof PlannedPage.HomePage home) {
            pager(text, home.pager(), shown);
            // the lead story: the newest breaking, else featured, article among the newest page of the site
            shown.fields(text.append('L'),
                    site.articles().subList(0, Math.min(site.articles().size(), site.config().pageSize())));
            if (home.pager().number() == 1) {
                // the sections' blocks: which sections, and their newest stories
                for (FrontPage.Block block : FrontPage.of(site, home.pager()).sections()) {
                    shown.fields(text.append("|S").append(block.term().name()).append('|').append(block.term().url()),
                            block.articles());
                }
            }
        } else if (page instanceof PlannedPage.LanguageHomePage home) {
            text.append(home.lang());
            pager(text, home.pager(), shown);
        } else if (page instanceof PlannedPage.TermPage term) {
            text.append(term.taxonomy().name()).append('|').append(term.term().name()).append('|')
                    .append(term.term().url()).append('|').append(term.term().articles().size());
            pager(text, term.pager(), shown);
        } else if (page instanceof PlannedPage.ArchivePage archive) {
            text.append(archive.year().year());
            site.years().forEach(y -> text.append('|').append(y.year()).append(':').append(y.url()).append(':')
                    .append(y.articleCount()));
            archive.year().months().forEach(m -> {
                shown.fields(text.append("|M").append(m.month()), m.articles());
            });
        } else if (page instanceof PlannedPage.NotFoundPage || page instanceof PlannedPage.SearchPage) {
            text.append(page.getClass().getSimpleName());
        } else {
            return "-";
        }
        return BuildCache.hash(globalState, "list", text.toString());
    }

    private static void pager(StringBuilder text, dev.gazette.content.Pager<Article> pager, ShownArticles shown) {
        text.append("|P").append(pager.number()).append('/').append(pager.totalPages()).append(':')
                .append(pager.pageUrls().get(0));
        shown.fields(text, pager.items());
    }

    /** The model inputs of a page that shows these articles: the site state and the keys of their bodies. */
    private static String shownInputs(String siteState, String label, ShownArticles shownArticles, List<Article> shown) {
        StringBuilder text = new StringBuilder(128).append(label);
        shownArticles.bodies(text, shown);
        return BuildCache.hash(siteState, text.toString());
    }

    /**
     * The hash of everything a page's template sees. The site view is the same object on every page, so its text
     * is made once; every component of every view is printed (see {@link PageKeys}), so any change to what a page
     * shows changes its key.
     *
     * @param shortcut prints some values shorter: an article's body by its body key, cards by their keys
     */
    private static String pageKey(PageRenderer.PageModel model, String siteText, PageKeys.Shortcut shortcut) {
        StringBuilder text = new StringBuilder(8192).append(model.template());
        model.variables().forEach((name, value) -> {
            text.append('\u0000').append(name).append('=');
            if (value instanceof Views.SiteView) {
                text.append(siteText);
            } else {
                PageKeys.append(value, text, shortcut);
            }
        });
        return BuildCache.hash(text.toString());
    }

    /** An article page's body, which is most of the page and decided by its key: the key instead of the HTML. */
    private static PageKeys.Shortcut bodyByKey(String bodyKey) {
        return (value, out) -> {
            if (value instanceof ArticleView article && article.body() != null) {
                out.append("body:").append(bodyKey);
                PageKeys.append(PageRenderer.withoutBody(article), out, (v, o) -> false);
                return true;
            }
            return false;
        };
    }

    /**
     * The key of each card (an article as lists show it), made once when a list that shows it is keyed: a list
     * page's key uses its cards' keys instead of printing each card again on every list it is on (ten or so per
     * article). Only the very card object made for the article is printed by its key.
     */
    private static final class CardKeys implements PageKeys.Shortcut {
        private final Cards cards;
        private final Map<String, String> keys = new ConcurrentHashMap<>();

        CardKeys(Cards cards) {
            this.cards = cards;
        }

        @Override
        public boolean append(Object value, StringBuilder out) {
            if (value instanceof ArticleView card && card.body() == null && cards.isCard(card)) {
                out.append("card:").append(keys.computeIfAbsent(card.url(), u -> BuildCache.hash(PageKeys.text(card))));
                return true;
            }
            return false;
        }
    }

    /** Renders and writes a list page, unless the previous build made it from the same inputs and its file is there. */
    private static void publish(OutputFolder output, BuildCache cache, Theme theme, String siteText, CardKeys cardKeys,
            String path, String inputs, String fine, PageRenderer.PageModel model, TemplateProblems templateProblems) {
        String key = pageKey(model, siteText, cardKeys);
        if (cache.unchanged(path, key) && output.keep(path)) {
            cache.recordPage(path, key, inputs, fine);
            return;
        }
        write(output, cache, theme, path, key, inputs, fine, model, templateProblems);
    }

    private static void write(OutputFolder output, BuildCache cache, Theme theme, String path, String key,
            String inputs, String moreInputs, PageRenderer.PageModel model, TemplateProblems templateProblems) {
        try {
            output.write(path, theme.render(model.template(), model.variables()));
            cache.recordPage(path, key, inputs, moreInputs);
        } catch (TemplateException e) {
            templateProblems.report(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PageRenderer.PageModel listModel(PageRenderer pages, PlannedPage page, Cards cards) {
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
}
