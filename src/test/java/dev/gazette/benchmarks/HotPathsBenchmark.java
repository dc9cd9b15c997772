package dev.gazette.benchmarks;

import dev.gazette.content.Slugs;
import dev.gazette.html.BodyProcessor;
import dev.gazette.html.RenderedBody;
import dev.gazette.i18n.UiStrings;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.markdown.RenderedMarkdown;
import dev.gazette.media.ImageSizes;
import dev.gazette.source.FrontMatter;
import dev.gazette.source.SourceException;
import dev.gazette.templates.TemplateException;
import dev.gazette.templates.Theme;
import dev.gazette.templates.Views;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-article hot paths, on the sample site's longest article (a table, a figure, footnotes): Markdown to
 * HTML, the jsoup post-processing, a slug, and a template render of a page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx1g"})
public class HotPathsBenchmark {

    private static final Path ARTICLE = Path.of("content/economy/2022-11-02-port-of-rotterdam-record-quarter.md");

    private MarkdownRenderer markdown;
    private BodyProcessor bodies;
    private String source;
    private RenderedMarkdown rendered;
    private Theme theme;
    private Map<String, Object> page;

    @Setup
    public void setUp() throws IOException, SourceException {
        source = FrontMatter.split(Files.readString(ARTICLE)).body();
        markdown = new MarkdownRenderer();
        bodies = new BodyProcessor(true, "/", new ImageSizes(Path.of("static"), "/"));
        rendered = markdown.render(source);
        theme = new Theme(Path.of("templates"), new UiStrings());
        RenderedBody body = bodies.process(rendered, false, "fr", href -> Optional.empty(), href -> { });
        Views.DateView date = new Views.DateView("2022-11-02T08:15:00+01:00", "2 novembre 2022", "mercredi 2 novembre 2022");
        Views.SiteView site = new Views.SiteView("The Ledger", "News", "en", "https://news.example.org/", "/",
                "/assets/gazette.css", List.of(new Views.LinkView("Economy", "/categories/economy/", 3)), List.of(),
                "/2022/", "/search/", List.of(), "Gazette bench");
        Views.PageView pageView = new Views.PageView("article", "Rotterdam", "Record volumes", "/2022/11/r/",
                "https://news.example.org/2022/11/r/", "en", "en_US", "article", null, List.of(), "{}", List.of());
        Views.ArticleView article = new Views.ArticleView("Rotterdam port handles record volumes", null, "/2022/11/r/",
                "en", date, null, List.of(new Views.LinkView("Maaike de Vries", "/authors/maaike-de-vries/", 2)),
                List.of(new Views.LinkView("shipping", "/tags/shipping/", 4)), List.of(), null, body.summary(), null, null,
                null, null, body.html(), body.wordCount(), 2, List.of(), List.of(), false, false, List.of());
        page = Views.model("site", site, "page", pageView, "article", article);
    }

    @Benchmark
    public RenderedMarkdown markdownToHtml() {
        return markdown.render(source);
    }

    @Benchmark
    public RenderedBody htmlPostProcessing() {
        return bodies.process(rendered, false, null, href -> Optional.empty(), href -> { });
    }

    @Benchmark
    public RenderedBody htmlPostProcessingWithFrenchTypography() {
        return bodies.process(rendered, false, "fr", href -> Optional.empty(), href -> { });
    }

    @Benchmark
    public String slug() {
        return Slugs.of("COP27 : accord historique sur un fonds « pertes et dommages » pour les pays vulnérables");
    }

    @Benchmark
    public String articlePageTemplate() throws TemplateException {
        return theme.render("article.html", page);
    }
}
