package dev.gazette.source;

import dev.gazette.config.SiteConfig;
import dev.gazette.i18n.LanguageDetection;
import dev.gazette.parallel.Parallel;
import dev.gazette.problem.Problem;
import dev.gazette.problem.Problems;
import dev.gazette.resident.ParsedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the article files under content/ and reads each into a {@link SourceDocument}. A file that cannot be read
 * becomes a problem naming it, never an exception that stops the others. When all the article files together are
 * small enough ({@link #KEPT_BODIES}) and the build runs in a process of its own, the bodies read are kept in
 * memory for the render stage; otherwise each is read from its file again when it is rendered (a site of 100,000
 * articles must build in a 1 GB heap, and {@code gazette serve} keeps its memory small between builds).
 */
public final class ContentLoader {

    /**
     * The most memory bodies kept from the first read may take, in bytes (two per byte of the article files, the
     * most their strings can take): a site of 1,000 articles of the bench's news copy (5.4 MB of files) keeps
     * them, so no file is opened, read and decoded twice; one of 10,000 (53 MB) reads each body again, and so
     * keeps what it holds during the render stage as it was.
     */
    static final long KEPT_BODIES = 48L << 20;

    private final RawArticleReader rawReader;
    private final SourceCache cache;
    private final long keptBodies;
    private final boolean followExternalLinks;

    public ContentLoader(SiteConfig config) {
        this(config, SourceCache.none());
    }

    /** A loader that takes files unchanged since the previous build from {@code cache} instead of reading them. */
    public ContentLoader(SiteConfig config, SourceCache cache) {
        this(config, cache, KEPT_BODIES);
    }

    /** @param keptBodies the most memory bodies kept from the first read may take (see {@link #KEPT_BODIES}) */
    ContentLoader(SiteConfig config, SourceCache cache, long keptBodies) {
        LanguageDetectionHolder detection = new LanguageDetectionHolder(config.detectLanguages());
        this.rawReader = new RawArticleReader(config, detection::get);
        this.cache = cache;
        this.keptBodies = keptBodies;
        this.followExternalLinks = config.followExternalSymlinks();
    }

    /**
     * Reads every article under {@code contentDir}, in parallel on the caller's fork-join pool, in a stable order
     * (by relative path).
     */
    public List<SourceDocument> load(Path contentDir, Problems problems) throws IOException {
        if (!Files.isDirectory(contentDir)) {
            return List.of();
        }
        List<SiteFiles.Found> files = articleFiles(contentDir, problems);
        long bytes = 0;
        for (SiteFiles.Found found : files) {
            bytes += found.attributes().size();
        }
        // not in gazette serve: its heap grows to hold them and stays grown (at 1,000 articles its peak memory
        // during a build went from 139 to 180 MB in the bench, over Hugo's 158), for 2-3% of the CPU of a build
        boolean keepBodies = 2 * bytes <= keptBodies && !ParsedFiles.keptBetweenBuilds();
        return Parallel.map(files, found -> read(contentDir, found.file(), found.attributes(), keepBodies, problems))
                .stream().filter(Objects::nonNull).toList();
    }

    /**
     * Article files (*.md, *.markdown, *.txt) under a folder, hidden files and folders (".", "_") left out,
     * sorted, with their size and time: one stat per file (a walk, then a test and a read of attributes per file,
     * was three). Symbolic links follow the site's rule ({@link SiteFiles}).
     */
    private List<SiteFiles.Found> articleFiles(Path contentDir, Problems problems) throws IOException {
        if (!ParsedFiles.keptBetweenBuilds()) {
            return walk(new SiteFiles(contentDir.toAbsolutePath().getParent(), followExternalLinks, problems), contentDir);
        }
        // gazette serve: the last walk, with the files its watcher saw change looked at again
        String name = "content-walk:" + contentDir.toAbsolutePath().normalize() + ":" + followExternalLinks;
        Optional<Set<Path>> changed = dev.gazette.resident.WatchedChanges.take(contentDir);
        Optional<List<SiteFiles.Found>> last = ParsedFiles.get(name, List.of());
        if (changed.isPresent() && last.isPresent()) {
            Optional<List<SiteFiles.Found>> updated = updated(last.get(), changed.get());
            if (updated.isPresent()) {
                ParsedFiles.keep(name, List.of(), updated.get());
                return updated.get();
            }
        }
        Problems found = new Problems();
        SiteFiles walker = new SiteFiles(contentDir.toAbsolutePath().getParent(), followExternalLinks, found);
        List<SiteFiles.Found> files = walk(walker, contentDir);
        found.sorted().forEach(problems::add);
        if (found.sorted().isEmpty() && walker.fileLinks() == 0) {
            ParsedFiles.keep(name, List.of(), files);
        } else {
            // walked again next time: its problems are reported again, and a linked file's target is looked at
            ParsedFiles.forget(name);
        }
        return files;
    }

    private static List<SiteFiles.Found> walk(SiteFiles walker, Path contentDir) throws IOException {
        return walker.walk(contentDir, ContentLoader::hidden, file -> !hidden(file) && formatOf(file) != null);
    }

    /**
     * A walk's files after the changes a watcher saw, when they are all edits of files the walk has (or of
     * files no walk would take, such as images); empty when a file or folder came or went, or one is a link,
     * and the folder must be walked again.
     */
    private static Optional<List<SiteFiles.Found>> updated(List<SiteFiles.Found> last, Set<Path> changed) {
        if (changed.isEmpty()) {
            return Optional.of(last);
        }
        Map<Path, Integer> index = new HashMap<>(last.size() * 2);
        for (int i = 0; i < last.size(); i++) {
            index.put(last.get(i).file().toAbsolutePath().normalize(), i);
        }
        List<SiteFiles.Found> files = new ArrayList<>(last);
        for (Path path : changed) {
            Integer at = index.get(path);
            BasicFileAttributes now;
            try {
                now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                now = null; // gone
            }
            if (at == null) {
                // not an article file of the last walk: one made, or a folder, unless no walk would take it
                String fileName = path.getFileName().toString();
                boolean neverArticle = formatOf(path) == null && fileName.contains(".") && !fileName.startsWith(".");
                if (now != null && now.isDirectory() || !neverArticle && !hidden(path)) {
                    return Optional.empty();
                }
                continue;
            }
            if (now == null || !now.isRegularFile()) {
                return Optional.empty(); // deleted, or a link now
            }
            files.set(at, new SiteFiles.Found(last.get(at).file(), now));
        }
        return Optional.of(files);
    }

    /** The largest article file read: the longest news story is a few hundred kilobytes. */
    public static final long MAX_FILE_BYTES = 16L << 20;

    /** The field that marks a Markdown page whose body lists the site's posts through Liquid. */
    public static final String LISTS_POSTS = "_gazette_lists_posts";
    private static final Pattern LIQUID_POST_LIST = Pattern.compile(
            "\\{%-?\\s*for\\s+\\w+\\s+in\\s+(site\\.(posts|tags|categories|pages)|paginator\\.posts|\\w*[pP]osts\\w*)\\b");

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

    /** Hidden: "." and "_" names, but Jekyll's _posts folder, which holds a Jekyll site's articles. */
    private static boolean hidden(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_") && !name.equals("_posts");
    }

    private SourceDocument read(Path contentDir, Path file, BasicFileAttributes attributes, boolean keepBody,
            Problems problems) {
        String relative = contentDir.relativize(file).toString().replace('\\', '/');
        SourceFormat format = formatOf(file);
        try {
            Instant modified = attributes.lastModifiedTime().toInstant();
            String sidecar = format == SourceFormat.RAW_TEXT ? RawArticleReader.sidecarStamp(file) : "";
            Optional<SourceCache.Entry> cached = cache.lookup(relative, attributes.size(), modified, sidecar);
            if (cached.isPresent()) {
                SourceCache.Entry entry = cached.get();
                entry.problems().forEach(problems::add);
                BodyText body = BodyText.of(entry.bodyHash(), entry.linksToFiles(), format == SourceFormat.MARKDOWN
                        ? markdownBody(file) : rawReader.bodyReader(file));
                return new SourceDocument(file, relative, format, entry.fields(), body, entry.bodyLine(), modified,
                        entry.fieldsDigest());
            }
            if (attributes.size() > MAX_FILE_BYTES) {
                throw new SourceException(0, "the file has " + attributes.size() / (1 << 20) + " MB; an article may have "
                        + (MAX_FILE_BYTES >> 20) + " MB at most (is it an article? split it, or move it to static/)");
            }
            byte[] bytes = Files.readAllBytes(file);
            TextDecoder.DecodedText decoded = TextDecoder.decode(bytes);
            String text = decoded.text();
            if (text.isBlank()) {
                // a scraper or an editor that saved nothing: an empty page under the file's name helps no reader
                throw new SourceException(0, "the file is empty");
            }
            Problems found = new Problems();
            if (decoded.charset().equals(TextDecoder.WINDOWS_1252)) {
                found.warning(file, 0, "not valid UTF-8: read as Windows-1252 (Latin-1); save it as UTF-8 to be sure"
                        + " of its accented letters");
            }
            SourceDocument document = switch (format) {
                case MARKDOWN -> markdown(file, relative, text, modified, keepBody);
                case RAW_TEXT -> rawReader.read(file, relative, text, modified, found, keepBody);
            };
            List<Problem> reported = found.sorted();
            reported.forEach(problems::add);
            if (document != null && !found.hasErrors() && bytes.length == attributes.size()) {
                cache.store(relative, new SourceCache.Entry(attributes.size(), modified, sidecar, format,
                        document.fields(), document.body().hash(), document.body().linksToFiles(),
                        document.bodyLine(), reported, document.fieldsDigest()));
            }
            return document;
        } catch (SourceException e) {
            problems.error(file, e.line(), e.getMessage());
            return null;
        } catch (java.nio.file.AccessDeniedException e) {
            problems.error(file, 0, "cannot read: permission denied");
            return null;
        } catch (IOException e) {
            problems.error(file, 0, "cannot read: " + e.getMessage());
            return null;
        }
    }

    private static SourceDocument markdown(Path file, String relative, String text, Instant modified, boolean keepBody)
            throws SourceException {
        FrontMatter split = FrontMatter.split(text);
        YamlMap fields = split.fields();
        MarkdownLimits.check(split.body(), split.bodyLine());
        // the regular expression only where a Liquid tag opens: it cost as much as the front matter on every body
        if (split.body().contains("{%") && LIQUID_POST_LIST.matcher(split.body()).find()) {
            // a Jekyll page that lists the site's posts through Liquid (an archive, a tag index): marked for the
            // model, which leaves it out, as Gazette writes those lists itself
            Map<String, Object> marked = new LinkedHashMap<>(fields.values());
            marked.put(LISTS_POSTS, true);
            fields = new YamlMap(marked, fields.lines());
        }
        BodyText body = BodyText.of(split.body(), markdownBody(file), keepBody);
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
