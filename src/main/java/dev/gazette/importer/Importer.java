package dev.gazette.importer;

import dev.gazette.config.SiteConfig;
import dev.gazette.content.Dates;
import dev.gazette.content.Slugs;
import dev.gazette.html.ExtractedPage;
import dev.gazette.html.HtmlArticleExtractor;
import dev.gazette.i18n.LanguageDetection;
import dev.gazette.markdown.HtmlToMarkdown;
import dev.gazette.problem.Problems;
import dev.gazette.source.FrontMatterWriter;
import dev.gazette.source.RawArticleReader;
import dev.gazette.source.SourceDocument;
import dev.gazette.source.SourceException;
import dev.gazette.source.TextDecoder;
import dev.gazette.source.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns raw {@code .txt} articles and saved {@code .html} article pages into Markdown files with front matter
 * (title, date, source, lang, slug, authors ...), so editors can work on them. A raw file imports to exactly
 * the article that building the raw file gives.
 */
public final class Importer {

    /** One file to write. */
    public record Imported(Path from, String fileName, String text) {
    }

    private final SiteConfig config;
    private final LanguageDetection detection;
    private final RawArticleReader rawReader;
    private final HtmlToMarkdown htmlToMarkdown = new HtmlToMarkdown();

    public Importer(SiteConfig config) {
        this.config = config;
        this.detection = new LanguageDetection(config.detectLanguages());
        this.rawReader = new RawArticleReader(config, () -> detection);
    }

    /** The largest saved page read: a news page with its inline styles and scripts is a few megabytes. */
    static final long MAX_PAGE_BYTES = 32L << 20;

    /** The Markdown article for one file, or empty when it cannot be imported (the reason is reported). */
    public Optional<Imported> convert(Path file, Problems problems) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            long size = Files.size(file);
            if (size > MAX_PAGE_BYTES) {
                problems.error(file, 0, "the page has " + size / (1 << 20) + " MB; a saved page may have "
                        + (MAX_PAGE_BYTES >> 20) + " MB at most (save it without its media)");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            String text = TextDecoder.decode(bytes).text();
            if (name.endsWith(".txt")) {
                return raw(file, text, modified, problems);
            }
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return page(file, text, modified, problems);
            }
            problems.error(file, 0, "cannot import this kind of file: give .txt (raw article text) or .html (a saved article page)");
        } catch (SourceException e) {
            problems.error(file, e.line(), e.getMessage());
        } catch (IOException e) {
            problems.error(file, 0, "cannot read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Writes the imported articles into {@code folder}; never over an existing file unless {@code force}. */
    public List<Path> write(List<Imported> articles, Path folder, boolean force, Problems problems) throws IOException {
        List<Path> written = new ArrayList<>();
        Files.createDirectories(folder);
        for (Imported article : articles) {
            Path target = folder.resolve(article.fileName());
            if (Files.exists(target) && !force) {
                problems.error(article.from(), 0, target + " already exists; use --force to replace it");
                continue;
            }
            Files.writeString(target, article.text());
            written.add(target);
        }
        return written;
    }

    private Optional<Imported> raw(Path file, String text, Instant modified, Problems problems)
            throws SourceException, IOException {
        SourceDocument doc = rawReader.read(file, file.getFileName().toString(), text, modified, problems);
        if (doc == null) {
            return Optional.empty();
        }
        Map<String, Object> given = doc.fields().values();
        String title = given.get("title").toString();
        String date = given.get("date") != null ? given.get("date").toString()
                : Dates.fromFileName(doc.baseName()).map(Object::toString).orElse(null);
        if (date == null) {
            date = fileTime(file, modified, problems);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("date", date);
        given.forEach((key, value) -> {
            if (!key.equals("title") && !key.equals("date") && value != null) {
                fields.put(key, value);
            }
        });
        return Optional.of(article(file, fields, doc.body().read()));
    }

    private Optional<Imported> page(Path file, String html, Instant modified, Problems problems) {
        ExtractedPage page = HtmlArticleExtractor.extract(html, file.toUri().toString());
        List<Object> jsonLd = new ArrayList<>();
        for (String script : page.jsonLd()) {
            try {
                jsonLd.add(YamlReader.readValue(script));
            } catch (SourceException e) {
                problems.warning(file, 0, "ignoring unreadable JSON-LD: " + e.getMessage());
            }
        }
        JsonLdArticle ld = JsonLdArticle.find(jsonLd);
        String title = first(ld == null ? null : ld.headline(), page.title());
        if (title == null) {
            problems.error(file, 0, "no title found (no og:title, JSON-LD headline, <h1> or <title>)");
            return Optional.empty();
        }
        String markdown = htmlToMarkdown.convert(page.bodyHtml());
        if (page.bodyText().isBlank()) {
            problems.error(file, 0, "no article text found in <article>, <main> or <body>");
            return Optional.empty();
        }
        String date = validDate(first(ld == null ? null : ld.datePublished(), page.date()), file, problems);
        if (date == null) {
            date = fileTime(file, modified, problems);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("date", date);
        String lastmod = validDate(first(ld == null ? null : ld.dateModified(), page.modified()), file, problems);
        if (lastmod != null && !lastmod.equals(date)) {
            fields.put("lastmod", lastmod);
        }
        List<String> authors = ld != null && !ld.authors().isEmpty() ? ld.authors() : page.authors();
        if (!authors.isEmpty()) {
            fields.put("authors", authors);
        }
        putIfPresent(fields, "source", first(ld == null ? null : ld.publisher(), page.siteName()));
        String lang = first(ld == null ? null : ld.inLanguage(), page.lang());
        fields.put("lang", lang != null ? lang : detection.detect(page.bodyText()).orElse(config.language()));
        putIfPresent(fields, "summary", first(ld == null ? null : ld.description(), page.description()));
        putIfPresent(fields, "image", first(ld == null ? null : ld.image(), page.image()));
        putIfPresent(fields, "canonical_url", page.canonicalUrl());
        return Optional.of(article(file, fields, markdown));
    }

    private Imported article(Path from, Map<String, Object> fields, String body) {
        String slug = fields.get("slug") != null ? Slugs.of(fields.get("slug").toString()) : Slugs.of(fields.get("title").toString());
        if (slug.isEmpty()) {
            slug = "article";
        }
        fields.put("slug", slug);
        String day = Dates.parse(fields.get("date").toString(), config.timezone())
                .map(d -> d.toLocalDate().toString()).orElse("undated");
        return new Imported(from, day + "-" + slug + ".md", FrontMatterWriter.write(fields, body));
    }

    private String validDate(String text, Path file, Problems problems) {
        if (text == null) {
            return null;
        }
        if (Dates.parse(text, config.timezone()).isEmpty()) {
            problems.warning(file, 0, "ignoring unreadable date '" + text + "'");
            return null;
        }
        return text;
    }

    private String fileTime(Path file, Instant modified, Problems problems) {
        ZonedDateTime time = modified.atZone(config.timezone());
        problems.warning(file, 0, "no publication date found; using the file's modification time " + time.toLocalDate());
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withNano(0));
    }

    private static void putIfPresent(Map<String, Object> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
