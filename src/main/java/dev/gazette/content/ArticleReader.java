package dev.gazette.content;

import dev.gazette.config.SiteConfig;
import dev.gazette.problem.Problems;
import dev.gazette.resident.ParsedFiles;
import dev.gazette.source.SourceDocument;
import dev.gazette.source.ContentHash;
import dev.gazette.source.SourceFormat;
import dev.gazette.source.YamlMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Interprets a {@link SourceDocument}'s fields with Hugo's and Jekyll's names and meanings. Every bad field is
 * reported with its line; an article with an error is left out of the site (and the build fails).
 */
public final class ArticleReader {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /**
     * The articles the previous build of this process read without a problem, by what they were read from (only
     * when a resident build process keeps what it read, see {@link ParsedFiles}): an article is a function of its
     * document and the settings, so one read from the same ones is the same article.
     */
    private static volatile Map<ReadKey, Article> lastBuild = Map.of();

    private final SiteConfig config;
    private final Problems problems;
    private final Map<ReadKey, Article> thisBuild;
    private final String settings;

    public ArticleReader(SiteConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
        this.thisBuild = ParsedFiles.keptBetweenBuilds() ? new ConcurrentHashMap<>(Math.max(16, lastBuild.size() * 2)) : null;
        this.settings = thisBuild == null ? null : sameSettings(config.toString());
    }

    /** The date a page carries, unused: pages are in no list and show no date. */
    private static final java.time.Instant PAGE_DATE = java.time.Instant.EPOCH;

    /** A page's path from its file: "about.md" to "/about/", "company/team.md" to "/company/team/", "a/index.md" to "/a/". */
    static String pagePath(String relativePath) {
        String withoutExtension = relativePath.substring(0, relativePath.lastIndexOf('.'));
        StringBuilder path = new StringBuilder("/");
        String[] segments = withoutExtension.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (i == segments.length - 1 && segments[i].equals("index")) {
                break;
            }
            String segment = Slugs.of(languageSuffix(segments[i]).isPresent()
                    ? segments[i].substring(0, segments[i].lastIndexOf('.')) : segments[i]);
            path.append(segment.isEmpty() ? "page" : segment).append('/');
        }
        return path.toString();
    }

    /** Hugo and Jekyll layouts of pages that list other pages, which Gazette writes itself. */
    /** The longest title read as one: the longest real headlines are a few hundred characters. */
    static final int MAX_TITLE = 1_000;
    /** The most tags an article may have. */
    static final int MAX_TAGS = 200;
    /** Names Windows keeps for devices: a folder so named cannot be copied to, or served from, a Windows host. */
    private static final java.util.regex.Pattern WINDOWS_DEVICE =
            java.util.regex.Pattern.compile("(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\\..*)?");

    private static final java.util.Set<String> LIST_LAYOUTS = java.util.Set.of("archives", "archive", "search", "tags",
            "categories", "taxonomy", "terms", "section", "list", "home");

    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("\\.([a-z]{2})(?:-([A-Za-z]{2}|\\d{3}))?$");
    private static final java.util.Set<String> ISO_LANGUAGES = java.util.Set.of(Locale.getISOLanguages());

    /** The language of a Hugo file name such as "post.fr" or "post.pt-BR", when it has one. */
    static Optional<String> languageSuffix(String baseName) {
        Matcher m = LANGUAGE_SUFFIX.matcher(baseName);
        if (!m.find() || !ISO_LANGUAGES.contains(m.group(1)) || m.start() == 0) {
            return Optional.empty();
        }
        return Optional.of(m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2).toUpperCase(Locale.ROOT));
    }

    /** "2014-09-08-my_first-post" to "My first post". */
    static String titleFromFileName(String baseName) {
        String words = Dates.withoutDatePrefix(baseName).replace('-', ' ').replace('_', ' ').strip()
                .replaceAll("\\s+", " ");
        return words.isEmpty() ? baseName : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The settings text of the last build, the very string when unchanged: keys compare it by reference first. */
    private static volatile String lastSettings;

    private static String sameSettings(String settings) {
        String last = lastSettings;
        if (settings.equals(last)) {
            return last;
        }
        lastSettings = settings;
        return settings;
    }

    /** Everything an article is read from. */
    private record ReadKey(String settings, Path file, String relativePath, SourceFormat format, String fieldsDigest,
            String bodyHash, boolean linksToFiles, int bodyLine, Instant modified) {

        // Written out, the digests first: a record's generated equals and hashCode, through method handles, were
        // most of the time a rebuild of 10,000 unchanged articles spent looking them up.
        @Override
        public boolean equals(Object o) {
            return o instanceof ReadKey k && fieldsDigest.equals(k.fieldsDigest) && java.util.Objects.equals(bodyHash, k.bodyHash)
                    && relativePath.equals(k.relativePath) && bodyLine == k.bodyLine && linksToFiles == k.linksToFiles
                    && format == k.format && modified.equals(k.modified) && file.equals(k.file)
                    && settings.equals(k.settings);
        }

        @Override
        public int hashCode() {
            return (fieldsDigest.hashCode() * 31 + java.util.Objects.hashCode(bodyHash)) * 31 + relativePath.hashCode();
        }
    }

    /** The article, or empty when a field has an error (each error is reported). */
    public Optional<Article> read(SourceDocument doc) {
        if (thisBuild == null) {
            return new Fields(doc).article();
        }
        ReadKey key = new ReadKey(settings, doc.file(), doc.relativePath(), doc.format(), doc.fieldsDigest(),
                doc.body().hash(), doc.body().linksToFiles(), doc.bodyLine(), doc.modified());
        Article article = lastBuild.get(key);
        if (article == null) {
            Fields fields = new Fields(doc);
            Optional<Article> read = fields.article();
            if (read.isEmpty() || fields.reported) {
                return read; // read again next time, so that its problems are reported again
            }
            article = read.get();
        }
        thisBuild.put(key, article);
        return Optional.of(article);
    }

    /** Keeps the articles this reader read for the next build of this process, when it keeps what it read. */
    public void keepForNextBuild() {
        if (thisBuild != null) {
            lastBuild = thisBuild;
        }
    }

    /** One document's reading: collects errors so all of them are reported, not just the first. */
    private final class Fields {
        private final SourceDocument doc;
        private final YamlMap fields;
        private boolean failed;
        private boolean reported;

        Fields(SourceDocument doc) {
            this.doc = doc;
            this.fields = doc.fields();
        }

        private boolean page;

        Optional<Article> article() {
            Optional<String> notAnArticle = notAnArticle();
            if (notAnArticle.isPresent()) {
                reported = true;
                problems.note(doc.file(), 0, notAnArticle.get() + "; left out");
                return Optional.empty();
            }
            String title = text("title");
            if ((title == null || title.isBlank()) && !fields.values().containsKey("title")
                    && doc.format() == SourceFormat.MARKDOWN) {
                // as Jekyll does: the file name is the title
                title = titleFromFileName(doc.baseName());
                reported = true;
                problems.warning(doc.file(), 1, "no title; using '" + title + "', from the file name (add 'title: ...'"
                        + " to the front matter)");
            }
            if (title == null || title.isBlank()) {
                fail(fields.line("title") > 0 ? fields.line("title") : 1, "missing title: add 'title: ...' to the front matter");
                title = "";
            } else if (title.length() > MAX_TITLE) {
                // a scraper that put the whole text in the title: it would be every page's <title> and every card
                fail(fields.line("title") > 0 ? fields.line("title") : 1, String.format(java.util.Locale.ROOT,
                        "title: %,d characters; a headline has at most %,d", title.length(), MAX_TITLE));
            }
            ZonedDateTime date = date("date");
            if (date == null && fields.values().get("date") == null) {
                date = Dates.fromFileName(doc.baseName()).map(d -> d.atStartOfDay(config.timezone())).orElse(null);
                if (date == null && doc.format() == SourceFormat.RAW_TEXT) {
                    date = doc.modified().atZone(config.timezone());
                    reported = true;
                    problems.warning(doc.file(), 0, "no date in the file name or in a metadata file beside it; "
                            + "using the file's modification time " + date.toLocalDate()
                            + " (name the file YYYY-MM-DD-....txt or add 'date:' to " + doc.baseName() + ".yaml)");
                } else if (date == null) {
                    // a page (about, contact, imprint), not an article: it is in no list, feed or archive
                    page = true;
                    date = PAGE_DATE.atZone(config.timezone());
                }
            }
            ZonedDateTime lastmod = date("lastmod");
            ZonedDateTime publishDate = date("publishDate");
            ZonedDateTime expiryDate = date("expiryDate");
            boolean draft = bool("draft");
            String slug = slug(title);
            String lang = language();
            String titleLang = text("title_lang");
            if (titleLang != null && (titleLang.isBlank() || titleLang.strip().equals(lang))) {
                titleLang = null;
            }
            List<String> authors = terms("authors", "author");
            List<String> tags = terms("tags", null);
            if (tags.size() > MAX_TAGS) {
                // each tag is a page and a feed: 10,000 tags took 45 s to build, for one article
                fail(fields.line("tags"), String.format(java.util.Locale.ROOT, "tags: %,d tags; an article has at most %d",
                        tags.size(), MAX_TAGS));
            }
            List<String> categories = terms("categories", "category");
            Map<String, List<String>> taxonomyTerms = new LinkedHashMap<>();
            for (String taxonomy : config.taxonomies()) {
                taxonomyTerms.put(taxonomy, switch (taxonomy) {
                    case "authors" -> authors;
                    case "tags" -> tags;
                    case "categories" -> categories;
                    default -> terms(taxonomy, null);
                });
            }
            String summary = firstText("summary", "description", "excerpt");
            ArticleImage image = image();
            String source = text("source");
            String canonical = absoluteUrl("canonical_url");
            String translationKey = text("translation_key");
            if (translationKey == null && doc.format() == SourceFormat.MARKDOWN) {
                // Hugo links "post.md" and "post.fr.md" (and "post.de.md") as versions of one story
                String base = doc.baseName();
                String stem = languageSuffix(base).isPresent() ? base.substring(0, base.lastIndexOf('.')) : base;
                String path = doc.relativePath();
                translationKey = "file:" + path.substring(0, path.lastIndexOf('/') + 1) + stem;
            }
            List<Correction> corrections = corrections();
            List<String> aliases = new ArrayList<>();
            for (String key : List.of("aliases", "redirect_from")) {
                for (String alias : terms(key, null)) {
                    sitePath(key, alias).ifPresent(path -> aliases.add(Urls.url(config.basePath(), path)));
                }
            }
            String given = firstText("url", "permalink");
            String givenKey = text("url") != null ? "url" : "permalink";
            Optional<String> ownUrl = given == null ? Optional.empty() : sitePath(givenKey, given);
            boolean featured = bool("featured");
            boolean breaking = bool("breaking");
            if (failed) {
                return Optional.empty();
            }
            ZonedDateTime changed = lastmod != null && lastmod.isAfter(date) ? lastmod : date;
            for (Correction correction : corrections) {
                if (correction.date().isAfter(changed)) {
                    changed = correction.date();
                }
            }
            String url = ownUrl.isPresent() ? Urls.url(config.basePath(), ownUrl.get())
                    : page ? Urls.url(config.basePath(), pagePath(doc.relativePath()))
                    : Permalinks.expand(config, doc, date, slug);
            return Optional.of(new Article(doc.file(), doc.relativePath(), title.strip(), blankToNull(titleLang), slug, url, date,
                    changed, publishDate, expiryDate, draft, authors, tags, categories, taxonomyTerms, summary, lang,
                    image, blankToNull(source), canonical, blankToNull(translationKey), doc.body(), doc.bodyLine(),
                    corrections, featured, breaking, page, aliases, sourceDigest()));
        }

        /**
         * A site path written in front matter (a url, permalink, alias or redirect_from): "/old/page/" or
         * "old/page.html", from the site's root. One that could leave the output folder (a "." or ".." segment,
         * a backslash, a percent escape, a scheme) is an error on its line.
         */
        private Optional<String> sitePath(String key, String written) {
            String path = written.strip();
            if (path.isEmpty() || Urls.leavesItsFolder(path) || path.contains("%") || path.contains("://")
                    || path.startsWith("//") || path.contains("?") || path.contains("#")) {
                fail(fields.line(key), key + ": '" + written + "' is not a path of this site; write one such as "
                        + "/2014/old-title/ or /old/page.html");
                return Optional.empty();
            }
            path = path.startsWith("/") ? path : "/" + path;
            String last = path.substring(path.lastIndexOf('/') + 1);
            // a folder gets index.html (pretty URLs); a file name with an extension stays as it is
            return Optional.of(last.isEmpty() || last.contains(".") ? path : path + "/");
        }

        /**
         * Why a file of a Hugo or Jekyll site is not an article, if it is not: a headless bundle's index
         * ({@code headless: true}), or a layout page for a list Gazette writes itself (archives, search, term pages).
         */
        private Optional<String> notAnArticle() {
            if (Boolean.TRUE.equals(fields.values().get(dev.gazette.source.ContentLoader.LISTS_POSTS))) {
                return Optional.of("a page that lists the site's posts with Liquid ({% for post in site.posts %}): "
                        + "Gazette writes its own archive, tag and section pages");
            }
            if (Boolean.TRUE.equals(fields.values().get("headless"))) {
                return Optional.of("a headless page (headless: true) is not published");
            }
            for (String key : List.of("layout", "type")) {
                Object value = fields.values().get(key);
                if (value instanceof String layout && LIST_LAYOUTS.contains(layout.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of("a layout page (" + key + ": " + layout + "): Gazette writes its own archive, "
                            + "search, section and term pages");
                }
            }
            return Optional.empty();
        }

        /** What the article is read from besides its body (see {@link Article#sourceDigest}). */
        private String sourceDigest() {
            return ContentHash.of(doc.fieldsDigest(), doc.relativePath(), doc.file().toString(),
                    doc.format().name(), String.valueOf(doc.bodyLine()),
                    // a raw article without a date takes its file's time
                    doc.format() == SourceFormat.RAW_TEXT ? doc.modified().toString() : "");
        }

        private void fail(int line, String message) {
            failed = true;
            reported = true;
            problems.error(doc.file(), line, message);
        }

        private String text(String key) {
            Object value = fields.values().get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Map || value instanceof List) {
                fail(fields.line(key), key + ": expected text, found " + (value instanceof Map ? "a mapping" : "a list"));
                return null;
            }
            return value.toString();
        }

        private String firstText(String... keys) {
            for (String key : keys) {
                String value = text(key);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return null;
        }

        private ZonedDateTime date(String key) {
            String value = text(key);
            if (value == null) {
                return null;
            }
            Optional<ZonedDateTime> parsed = Dates.parse(value, config.timezone());
            if (parsed.isEmpty()) {
                fail(fields.line(key), key + ": cannot read '" + value + "' as a date in the years "
                        + Dates.FIRST_YEAR + "-" + Dates.LAST_YEAR + "; write 2022-11-14, 2022-11-14T09:30 or "
                        + "2022-11-14T09:30:00+01:00");
                return null;
            }
            return parsed.get();
        }

        private boolean bool(String key) {
            Object value = fields.values().get(key);
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            fail(fields.line(key), key + ": expected true or false, found '" + value + "'");
            return false;
        }

        private String slug(String title) {
            String given = text("slug");
            if (given != null && !given.isBlank()) {
                String slug = Slugs.asWritten(given);
                if (slug.isEmpty()) {
                    fail(fields.line("slug"), "slug: '" + given + "' has no letter or digit to put in a URL");
                } else if (WINDOWS_DEVICE.matcher(slug).matches()) {
                    problems.warning(doc.file(), fields.line("slug"), "slug: '" + slug + "' is a device name on "
                            + "Windows: a Windows host cannot serve a folder so named");
                }
                return slug;
            }
            String fromTitle = Slugs.of(title);
            if (WINDOWS_DEVICE.matcher(fromTitle).matches()) {
                // a headline such as "Con" makes a slug no Windows host can serve; the article is the same
                return fromTitle + "-1";
            }
            if (!fromTitle.isEmpty()) {
                return fromTitle;
            }
            String fromName = Slugs.of(Dates.withoutDatePrefix(doc.baseName()));
            return fromName.isEmpty() ? "article" : fromName;
        }

        private String language() {
            String lang = text("lang");
            if (lang == null || lang.isBlank()) {
                // Hugo's "name.fr.md"
                return languageSuffix(doc.baseName()).orElse(config.language());
            }
            if (!LANGUAGE.matcher(lang.strip()).matches()) {
                fail(fields.line("lang"), "lang: expected a language code such as en, fr or pt-BR, found '" + lang + "'");
                return config.language();
            }
            return lang.strip();
        }

        /** A list of names from a list field or a single-value field ("tags: [a, b]", "author: Jane Doe"). */
        private List<String> terms(String listKey, String singleKey) {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (String key : singleKey == null ? List.of(listKey) : List.of(listKey, singleKey)) {
                Object value = fields.values().get(key);
                if (value == null) {
                    continue;
                }
                List<?> items = value instanceof List<?> list ? list : List.of(value);
                for (Object item : items) {
                    if (item == null) {
                        continue;
                    }
                    if (item instanceof Map || item instanceof List) {
                        fail(fields.line(key), key + ": expected names, found " + (item instanceof Map ? "a mapping" : "a nested list"));
                        continue;
                    }
                    String name = item.toString().strip();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
            return new ArrayList<>(names);
        }

        private ArticleImage image() {
            Object value = fields.values().get("image");
            if (value == null) {
                return null;
            }
            String alt = text("image_alt");
            String caption = text("image_caption");
            String credit = text("image_credit");
            String src;
            if (value instanceof Map<?, ?> map) {
                Object given = map.get("src") != null ? map.get("src") : map.get("url");
                if (given == null) {
                    fail(fields.line("image"), "image: a mapping needs 'src'");
                    return null;
                }
                src = given.toString();
                alt = map.get("alt") != null ? map.get("alt").toString() : alt;
                caption = map.get("caption") != null ? map.get("caption").toString() : caption;
                credit = map.get("credit") != null ? map.get("credit").toString() : credit;
            } else if (value instanceof List) {
                fail(fields.line("image"), "image: expected a path or URL, found a list");
                return null;
            } else {
                src = value.toString().strip();
            }
            if (src.isBlank()) {
                return null;
            }
            // an http(s) URL or a path of the site; any other scheme (javascript:, data:, file:) is refused
            java.util.regex.Matcher scheme = java.util.regex.Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*):")
                    .matcher(src);
            if (scheme.find() && !scheme.group(1).equalsIgnoreCase("http") && !scheme.group(1).equalsIgnoreCase("https")) {
                fail(fields.line("image"), "image: '" + src.strip() + "' is neither an http(s) URL nor a path of the site");
                return null;
            }
            return new ArticleImage(src.strip(), alt == null ? "" : alt.strip(), blankToNull(caption), blankToNull(credit));
        }

        /** {@code corrections: [{date: 2022-11-15, text: "..."}]}, oldest first. */
        private List<Correction> corrections() {
            Object value = fields.values().get("corrections");
            if (value == null) {
                return List.of();
            }
            int line = fields.line("corrections");
            if (!(value instanceof List<?> list)) {
                fail(line, "corrections: expected a list of {date, text}");
                return List.of();
            }
            List<Correction> corrections = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map) || map.get("date") == null || map.get("text") == null) {
                    fail(line, "corrections: each correction needs a date and a text");
                    continue;
                }
                Optional<ZonedDateTime> when = Dates.parse(map.get("date").toString(), config.timezone());
                if (when.isEmpty()) {
                    fail(line, "corrections: cannot read '" + map.get("date") + "' as a date");
                    continue;
                }
                corrections.add(new Correction(when.get(), map.get("text").toString().strip()));
            }
            corrections.sort(java.util.Comparator.comparing(Correction::date));
            return corrections;
        }

        private String absoluteUrl(String key) {
            String value = text(key);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                URI uri = new URI(value.strip());
                if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (URISyntaxException ignored) {
                // reported below
            }
            fail(fields.line(key), key + ": expected an absolute http(s) URL, found '" + value + "'");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
