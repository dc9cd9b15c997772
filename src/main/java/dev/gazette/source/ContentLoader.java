package dev.gazette.source;

import dev.gazette.config.SiteConfig;
import dev.gazette.i18n.LanguageDetection;
import dev.gazette.problem.Problem;
import dev.gazette.problem.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the article files under content/ and reads each into a {@link SourceDocument}. A file that cannot be read
 * becomes a problem naming it, never an exception that stops the others.
 */
public final class ContentLoader {

    private final RawArticleReader rawReader;
    private final SourceCache cache;

    public ContentLoader(SiteConfig config) {
        this(config, SourceCache.none());
    }

    /** A loader that takes files unchanged since the previous build from {@code cache} instead of reading them. */
    public ContentLoader(SiteConfig config, SourceCache cache) {
        LanguageDetectionHolder detection = new LanguageDetectionHolder(config.detectLanguages());
        this.rawReader = new RawArticleReader(config, detection::get);
        this.cache = cache;
    }

    /**
     * Reads every article under {@code contentDir}, in parallel on the caller's fork-join pool, in a stable order
     * (by relative path).
     */
    public List<SourceDocument> load(Path contentDir, Problems problems) throws IOException {
        if (!Files.isDirectory(contentDir)) {
            return List.of();
        }
        List<Path> files = articleFiles(contentDir);
        return files.parallelStream()
                .map(file -> read(contentDir, file, problems))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Article files (*.md, *.markdown, *.txt) under a folder, hidden files and folders left out, sorted. */
    public static List<Path> articleFiles(Path contentDir) throws IOException {
        try (Stream<Path> walk = Files.walk(contentDir, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(file -> !isHidden(contentDir.relativize(file)))
                    .filter(file -> formatOf(file) != null)
                    .forEach(files::add);
            files.sort(Comparator.comparing(Path::toString));
            return files;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static SourceFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return SourceFormat.MARKDOWN;
        }
        if (name.endsWith(".txt")) {
            return SourceFormat.RAW_TEXT;
        }
        return null;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private SourceDocument read(Path contentDir, Path file, Problems problems) {
        String relative = contentDir.relativize(file).toString().replace('\\', '/');
        SourceFormat format = formatOf(file);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Instant modified = attributes.lastModifiedTime().toInstant();
            String sidecar = format == SourceFormat.RAW_TEXT ? RawArticleReader.sidecarStamp(file) : "";
            Optional<SourceCache.Entry> cached = cache.lookup(relative, attributes.size(), modified, sidecar);
            if (cached.isPresent()) {
                SourceCache.Entry entry = cached.get();
                entry.problems().forEach(problems::add);
                BodyText body = BodyText.of(entry.bodyHash(), entry.linksToFiles(), format == SourceFormat.MARKDOWN
                        ? markdownBody(file) : rawReader.bodyReader(file));
                return new SourceDocument(file, relative, format, entry.fields(), body, entry.bodyLine(), modified);
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = TextDecoder.decode(bytes).text();
            Problems found = new Problems();
            SourceDocument document = switch (format) {
                case MARKDOWN -> markdown(file, relative, text, modified);
                case RAW_TEXT -> rawReader.read(file, relative, text, modified, found);
            };
            List<Problem> reported = found.sorted();
            reported.forEach(problems::add);
            if (document != null && !found.hasErrors() && bytes.length == attributes.size()) {
                cache.store(relative, new SourceCache.Entry(attributes.size(), modified, sidecar, format,
                        document.fields(), document.body().hash(), document.body().linksToFiles(),
                        document.bodyLine(), reported));
            }
            return document;
        } catch (SourceException e) {
            problems.error(file, e.line(), e.getMessage());
            return null;
        } catch (IOException e) {
            problems.error(file, 0, "cannot read: " + e.getMessage());
            return null;
        }
    }

    private static SourceDocument markdown(Path file, String relative, String text, java.time.Instant modified)
            throws SourceException {
        FrontMatter split = FrontMatter.split(text);
        YamlMap fields = split.yaml().isBlank() ? YamlMap.EMPTY : YamlReader.read(split.yaml(), split.yamlLine());
        BodyText body = BodyText.of(split.body(), markdownBody(file));
        return new SourceDocument(file, relative, SourceFormat.MARKDOWN, fields, body, split.bodyLine(), modified);
    }

    private static BodyText.Reader markdownBody(Path file) {
        return () -> FrontMatter.split(TextDecoder.decode(Files.readAllBytes(file)).text()).body();
    }

    /** Builds the language detector on first use, once, whichever thread asks first. */
    private static final class LanguageDetectionHolder {
        private final List<String> candidates;
        private volatile LanguageDetection detection;

        LanguageDetectionHolder(List<String> candidates) {
            this.candidates = candidates;
        }

        LanguageDetection get() {
            LanguageDetection d = detection;
            if (d == null) {
                synchronized (this) {
                    d = detection;
                    if (d == null) {
                        d = new LanguageDetection(candidates);
                        detection = d;
                    }
                }
            }
            return d;
        }
    }
}
