package dev.gazette.templates;

import dev.gazette.i18n.UiStrings;
import dev.gazette.resident.ParsedFiles;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.writer.PooledSpecializedStringWriter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's templates over the built-in theme, template by template: {@code templates/article.html} in a site
 * replaces the theme's article.html and nothing else, and the theme's own templates extend the site's base.html
 * when there is one. One engine per build, shared by all rendering threads; a new build makes a new engine, so
 * edited templates are always read afresh, except in a resident process ({@code gazette serve}): there a build
 * takes the last build's engine, with the templates it compiled, when no file or folder under templates/ has
 * changed since that engine was made (compiling the templates again, and the reflective accessors a new engine
 * makes for the views' getters, was work and garbage on every rebuild). The UI strings are each build's own.
 */
public final class Theme {

    /** Where the built-in theme lives on the classpath (the repository's templates/ folder, packaged). */
    public static final String BUILT_IN = "dev/gazette/theme/";

    /** The UI strings of the build whose page this thread renders (t() of an engine kept across builds). */
    private static final ThreadLocal<UiStrings> RENDERING = new ThreadLocal<>();

    private final Path siteTemplates;
    private final PebbleEngine engine;
    private final UiStrings strings;

    /** @param siteTemplates the site's templates/ folder; it need not exist */
    public Theme(Path siteTemplates, UiStrings strings) {
        this(siteTemplates.toAbsolutePath().normalize(), strings, null);
    }

    private Theme(Path siteTemplates, UiStrings strings, PebbleEngine engine) {
        this.siteTemplates = siteTemplates;
        this.strings = strings;
        this.engine = engine != null ? engine : engine(siteTemplates, strings);
    }

    /**
     * The theme of a build: in a resident process, with the engine of the last build of the same templates/
     * folder when nothing in it has changed since (see the class comment); otherwise a new one.
     */
    public static Theme of(Path siteTemplates, UiStrings strings) {
        Path folder = siteTemplates.toAbsolutePath().normalize();
        if (!ParsedFiles.keptBetweenBuilds()) {
            return new Theme(folder, strings, null);
        }
        String name = "theme:" + folder;
        // stamped before the engine reads any template: a file changed while it is read is seen by the next build
        String stamp = stamp(folder);
        Optional<KeptEngine> kept = ParsedFiles.get(name, List.of());
        if (kept.isPresent() && kept.get().stamp().equals(stamp)) {
            PebbleEngine engine = kept.get().engine();
            // {% cache %} blocks hold what the last build rendered: a build renders its own
            engine.getTagCache().invalidateAll();
            return new Theme(folder, strings, engine);
        }
        Theme theme = new Theme(folder, strings, null);
        ParsedFiles.keep(name, List.of(), new KeptEngine(stamp, theme.engine));
        return theme;
    }

    private record KeptEngine(String stamp, PebbleEngine engine) {
    }

    /**
     * Every file and folder under the templates folder with its identity, size and modification time, symbolic
     * links followed (a folder's time changes when a file is added to it, removed or renamed); never equal to
     * another when the folder cannot be read whole.
     */
    private static String stamp(Path folder) {
        StringBuilder stamp = new StringBuilder(1024);
        try {
            if (!Files.exists(folder)) {
                return "none";
            }
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            ParsedFiles.stamp(stamp.append(dir).append(':'), attributes);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            ParsedFiles.stamp(stamp.append(file).append(':'), attributes);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            throw e;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            return "unreadable " + System.nanoTime();
        }
        return stamp.toString();
    }

    private static PebbleEngine engine(Path siteTemplates, UiStrings strings) {
        List<Loader<?>> loaders = new ArrayList<>();
        if (Files.isDirectory(siteTemplates)) {
            FileLoader site = new FileLoader(siteTemplates.toString());
            site.setCharset("UTF-8");
            loaders.add(site);
        }
        ClasspathLoader builtIn = new ClasspathLoader(Theme.class.getClassLoader());
        builtIn.setPrefix(BUILT_IN);
        builtIn.setCharset("UTF-8");
        loaders.add(builtIn);
        // the built-in list templates keep each card's HTML for the build (an article's card is on the front page,
        // its tags' pages and its year's archive, the same each time) when the card is the theme's own, which
        // shows nothing but its article: a site's own card may show something of the page it is on
        boolean cardsKept = builtIn(siteTemplates, "partials/card.html") && builtIn(siteTemplates, "partials/byline.html");
        return new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .tagCache(new BoundedTagCache())
                .strictVariables(true)
                .autoEscaping(true)
                .addEscapingStrategy("html", new HtmlEscaping())
                .newLineTrimming(true)
                .extension(new GazetteExtension(strings, cardsKept))
                .build();
    }

    /** Whether the site has no template of this name, or one the same as the built-in theme's. */
    private static boolean builtIn(Path siteTemplates, String name) {
        Path own = siteTemplates.resolve(name);
        if (!Files.exists(own)) {
            return true;
        }
        try (java.io.InputStream theme = Theme.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
            return theme != null && java.util.Arrays.equals(theme.readAllBytes(), Files.readAllBytes(own));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Compiles templates before their first page needs them (a build does this on a thread of its own while it
     * reads the site). A template that does not compile is left for {@link #render} to report.
     */
    public void prepare(String... names) {
        for (String name : names) {
            try {
                engine.getTemplate(name);
            } catch (PebbleException e) {
                // reported by render, with the page that needs it
            }
        }
    }

    /** Renders a template with the given variables. */
    public String render(String name, Map<String, Object> model) throws TemplateException {
        try {
            PebbleTemplate template = engine.getTemplate(name);
            // Pebble's own writer for this: one StringBuilder per thread, reused page after page (a StringWriter
            // appends to a StringBuffer, whose every append takes a lock: 2.4% of a build's CPU samples)
            PooledSpecializedStringWriter out = PooledSpecializedStringWriter.pooled();
            UiStrings outer = RENDERING.get();
            RENDERING.set(strings);
            try {
                template.evaluate(out, model);
            } finally {
                RENDERING.set(outer);
            }
            return out.toString();
        } catch (PebbleException e) {
            String template = e.getFileName() != null ? e.getFileName() : name;
            int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
            String message = e.getPebbleMessage() != null ? e.getPebbleMessage() : String.valueOf(e.getCause());
            throw new TemplateException(template, line, message, e);
        } catch (IOException e) {
            throw new TemplateException(name, 0, "cannot write page: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            List<String> cycle = includeCycle(name, new ArrayList<>());
            if (cycle.isEmpty()) {
                throw new TemplateException(name, 0, "templates nested too deep: a template includes or extends "
                        + "itself, directly or through others, or a macro calls itself without end", null);
            }
            throw new TemplateException(cycle.get(0), 0, "templates nested too deep: "
                    + String.join(" includes ", cycle) + ", again and again", null);
        }
    }

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            "\\{%-?\\s*(?:include|extends|import|embed)\\s+[\"']([^\"']+)[\"']");

    /**
     * The templates of an include (or extends, import, embed) cycle reachable from {@code name}, the first one
     * again at the end ("a.html", "b.html", "a.html"), or empty when there is none; from the templates' text, so
     * only names written as literals are followed.
     */
    private List<String> includeCycle(String name, List<String> path) {
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            return cycle;
        }
        if (path.size() > 50) {
            return List.of();
        }
        path.add(name);
        java.util.regex.Matcher m = REFERENCE.matcher(source(name));
        while (m.find()) {
            List<String> cycle = includeCycle(m.group(1), path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        return List.of();
    }

    /** A template's text, the site's or the theme's; empty when it cannot be read. */
    private String source(String name) {
        try {
            return asset(name).map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The file that defines a template: the site's own, or empty when the built-in theme's is used. */
    public Optional<Path> siteFileOf(String name) {
        Path file = siteTemplates.resolve(name).normalize();
        return file.startsWith(siteTemplates) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * A theme asset (the stylesheet, icons) by path under the theme, such as "assets/gazette.css": the site's
     * templates/ copy when it has one, else the built-in one.
     */
    public Optional<byte[]> asset(String path) throws IOException {
        Optional<Path> own = siteFileOf(path);
        if (own.isPresent()) {
            return Optional.of(Files.readAllBytes(own.get()));
        }
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(BUILT_IN + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }

    /**
     * Template functions and filters: {@code t('key', args...)} gives a UI string in the page's language;
     * {@code text | words(30)} cuts a text at a word boundary after about that many words, with an ellipsis.
     */
    private static final class GazetteExtension extends AbstractExtension {
        private final UiStrings strings;
        private final boolean cardsKept;

        GazetteExtension(UiStrings strings, boolean cardsKept) {
            this.strings = strings;
            this.cardsKept = cardsKept;
        }

        @Override
        public Map<String, Object> getGlobalVariables() {
            return Map.of("gazetteCardsKept", cardsKept);
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("t", new Translate(strings));
        }

        @Override
        public Map<String, io.pebbletemplates.pebble.extension.Filter> getFilters() {
            return Map.of("words", new Words());
        }

        @Override
        public List<io.pebbletemplates.pebble.attributes.AttributeResolver> getAttributeResolver() {
            return List.of(new ViewAttributes());
        }
    }

    /** {@code text | words(30)}: the text cut after about that many words, at a word boundary, with "…". */
    private static final class Words implements io.pebbletemplates.pebble.extension.Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of("count");
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int line) {
            if (input == null) {
                return null;
            }
            Object count = args.get("count");
            int max = count instanceof Number n ? n.intValue() : 30;
            return cut(input.toString(), max);
        }

        static String cut(String text, int max) {
            int words = 0;
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                boolean space = Character.isWhitespace(text.charAt(i));
                if (!space && !inWord && ++words > max) {
                    String kept = text.substring(0, i).stripTrailing().replaceAll("[,;:–—-]+$", "");
                    // a cut that falls after a sentence ends there; elsewhere an ellipsis says the text goes on
                    return kept.matches("(?s).*[.!?»”\"]$") ? kept : kept + "…";
                }
                inWord = !space;
            }
            return text;
        }
    }

    private static final class Translate implements Function {
        private final UiStrings strings;

        Translate(UiStrings strings) {
            this.strings = strings;
        }

        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            Object key = args.get("0");
            if (key == null) {
                throw new PebbleException(null, "t() needs a string key, as in t('published')", line, self.getName());
            }
            // inside a card or byline, the article's language ("Publié le" on a French story in an English list);
            // elsewhere the page's
            Object article = context.getVariable("article");
            Object page = context.getVariable("page");
            String lang = article instanceof Views.ArticleView view ? view.lang()
                    : page instanceof Views.PageView view ? view.lang() : "en";
            List<Object> rest = new ArrayList<>();
            for (int i = 1; args.containsKey(String.valueOf(i)); i++) {
                rest.add(args.get(String.valueOf(i)));
            }
            UiStrings rendering = RENDERING.get();
            try {
                return (rendering != null ? rendering : strings).format(lang, key.toString(), rest.toArray());
            } catch (IllegalArgumentException e) {
                throw new PebbleException(e, "t(): " + e.getMessage(), line, self.getName());
            }
        }
    }
}
