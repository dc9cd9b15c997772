package dev.gazette.build;

import dev.gazette.html.RenderedBody;
import dev.gazette.source.CacheReader;
import dev.gazette.source.CacheWriter;
import dev.gazette.source.ContentHash;
import dev.gazette.resident.ParsedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the previous successful build rendered, kept beside the output folder ({@code .public.gazette-cache/}
 * for {@code public/}): for each rendered body, keyed by a hash of everything it depends on, its facts (summary,
 * word count, links, search terms, broken links) in one index file and its HTML in a file of its own, read only
 * when a page or feed needs it; and for every output page a hash of its template inputs. A body whose inputs
 * are unchanged is not rendered again; a page whose inputs are unchanged is neither rendered nor written, so
 * its file keeps its modification time. Only a successful build saves the cache; a missing, old or unreadable
 * cache just means a full render.
 */
final class BuildCache {

    /** A rendered body (its HTML possibly not read yet) and the broken article links found while rendering it. */
    record CachedBody(RenderedBody body, List<String> brokenLinks) {
        CachedBody {
            brokenLinks = List.copyOf(brokenLinks);
        }
    }

    /** An entry of the search index as written: the key of its inputs and its length in characters. */
    record IndexEntry(String key, int length) {
    }

    private static final String FORMAT = "gazette-cache-5";

    private final Path dir;
    private final String fingerprint;
    private final Map<String, String> previousPages;
    private final Map<String, CachedBody> previousBodies;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Map<String, CachedBody> bodies = new ConcurrentHashMap<>();
    private List<IndexEntry> previousIndex = List.of();
    private List<IndexEntry> index;

    private BuildCache(Path dir, String fingerprint, Map<String, String> previousPages,
            Map<String, CachedBody> previousBodies) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.previousPages = previousPages;
        this.previousBodies = previousBodies;
    }

    /**
     * @param output the output folder; the cache lives beside it
     * @param fingerprint what invalidates everything: Gazette's version and code, the site's templates, UI strings
     *     and data
     * @param clean ignore what is cached (it is rebuilt and saved anew)
     */
    static BuildCache open(Path output, String fingerprint, boolean clean) {
        Path dir = dir(output);
        Map<String, String> pages = new HashMap<>();
        Map<String, CachedBody> bodies = new HashMap<>();
        if (!clean) {
            try {
                // a resident build process may still hold what it read or wrote last time
                Optional<Map<String, String>> keptPages = ParsedFiles.get(pagesName(dir, fingerprint),
                        List.of(dir.resolve("pages.bin")));
                if (keptPages.isPresent()) {
                    pages = keptPages.get();
                    bodies = ParsedFiles.<Map<String, CachedBody>>get(factsName(dir), factsFiles(dir))
                            .orElse(null);
                    if (bodies == null) {
                        bodies = readFacts(dir);
                    }
                    return new BuildCache(dir, fingerprint, pages, bodies);
                }
                String stamp = ParsedFiles.stamp(List.of(dir.resolve("pages.bin")));
                CacheReader in = CacheReader.of(dir.resolve("pages.bin"));
                if (in.readText().equals(FORMAT) && in.readText().equals(fingerprint)) {
                    int count = in.readCount();
                    pages = new HashMap<>(count * 2);
                    for (int i = 0; i < count; i++) {
                        pages.put(in.readText(), in.readText());
                    }
                    ParsedFiles.keep(pagesName(dir, fingerprint), stamp, pages);
                    bodies = readFacts(dir);
                }
            } catch (NoSuchFileException e) {
                // first build: nothing cached
            } catch (IOException | RuntimeException e) {
                // (new maps: the ones read may be kept for the process, see ParsedFiles)
                pages = new HashMap<>();
                bodies = new HashMap<>();
                ParsedFiles.forget(pagesName(dir, fingerprint));
                ParsedFiles.forget(factsName(dir));
            }
        }
        return new BuildCache(dir, fingerprint, pages, bodies);
    }

    private static String pagesName(Path dir, String fingerprint) {
        return "pages:" + dir + "|" + fingerprint;
    }

    private static String factsName(Path dir) {
        return "facts:" + dir;
    }

    private static List<Path> factsFiles(Path dir) {
        List<Path> files = new ArrayList<>(SHARDS);
        for (int shard = 0; shard < SHARDS; shard++) {
            files.add(factsFile(dir, shard));
        }
        return files;
    }

    /** The cache folder of an output folder: {@code .public.gazette-cache} beside {@code public}. */
    static Path dir(Path output) {
        return output.resolveSibling("." + output.getFileName() + ".gazette-cache");
    }

    /** A short digest of the parts, for cache keys. */
    static String hash(String... parts) {
        return ContentHash.of(parts);
    }

    /** The body rendered from these inputs by the previous build, without its HTML (see {@link #html}). */
    Optional<CachedBody> body(String key) {
        CachedBody cached = previousBodies.get(key);
        if (cached != null) {
            bodies.put(key, cached);
        }
        return Optional.ofNullable(cached);
    }

    /** The HTML of a cached body, read from its file; empty when the file is missing or unreadable. */
    Optional<String> html(String key) {
        try {
            return Optional.of(Files.readString(htmlFile(key), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps a body just rendered: its HTML in a file now, its facts in the index when the build is saved. */
    void storeBody(String key, CachedBody cached) {
        RenderedBody body = cached.body();
        bodies.put(key, new CachedBody(new RenderedBody("", body.summary(), body.wordCount(), body.links(), body.terms()),
                cached.brokenLinks()));
        // Written in place, not through a temporary file: only a saved index makes a body file count, and the
        // index is saved after the file is complete, so a build stopped half-way leaves no half file in use.
        try {
            Path file = htmlFile(key);
            try {
                Files.writeString(file, body.html(), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, body.html(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache in " + dir, e);
        }
    }

    /** Whether the previous build produced this page from the same template inputs. */
    boolean unchanged(String path, String key) {
        String[] previous = previousPage(path);
        return previous.length > 0 && previous[0].equals(key);
    }

    /**
     * The key of the page the previous build made from the same model inputs ({@code inputs}: a digest of the
     * site's model and of the bodies the page shows), so the page's views need not be built to decide that it
     * is unchanged; empty when the inputs differ.
     */
    Optional<String> keyForInputs(String path, String inputs) {
        String[] previous = previousPage(path);
        return previous.length > 1 && previous[1].equals(inputs) ? Optional.of(previous[0]) : Optional.empty();
    }

    /**
     * What the previous build recorded for a page: its key, then its input digests in the order they were
     * recorded; an empty array when it recorded nothing.
     */
    String[] previousPage(String path) {
        String previous = previousPages.get(path);
        return previous == null ? new String[0] : previous.split("\t");
    }

    /**
     * The entries of the search index the previous build wrote, in order (empty when unknown): with the file they
     * describe, they let the index be written again without making the entries whose inputs are unchanged.
     */
    List<IndexEntry> previousIndex() {
        if (previousIndex.isEmpty() && !previousPages.isEmpty()) {
            try {
                CacheReader in = CacheReader.of(dir.resolve("search.bin"));
                if (in.readText().equals(fingerprint)) {
                    int count = in.readCount();
                    List<IndexEntry> entries = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        entries.add(new IndexEntry(in.readText(), in.readCount()));
                    }
                    previousIndex = entries;
                }
            } catch (IOException e) {
                // not cached: every entry is made
            }
        }
        return previousIndex;
    }

    /** Records the entries of the search index this build wrote or kept. */
    void recordIndex(List<IndexEntry> entries) {
        index = List.copyOf(entries);
    }

    /** Records the page this build made: the key of its template inputs and the digests of its model inputs. */
    void recordPage(String path, String key, String inputs, String moreInputs) {
        pages.put(path, key + "\t" + inputs + "\t" + moreInputs);
    }

    /** Records the page this build made: the key of its template inputs and the digest of its model inputs. */
    void recordPage(String path, String key, String inputs) {
        pages.put(path, key + "\t" + inputs);
    }

    /**
     * Saves what this (successful) build rendered and forgets bodies no page uses any more. A build that rendered
     * nothing new and lost nothing writes nothing.
     */
    void save() throws IOException {
        Files.createDirectories(dir);
        boolean sameBodies = bodies.keySet().equals(previousBodies.keySet());
        if (!sameBodies) {
            List<Set<String>> before = shards(previousBodies.keySet());
            List<Set<String>> now = shards(bodies.keySet());
            for (int shard = 0; shard < SHARDS; shard++) {
                if (!now.get(shard).equals(before.get(shard))) {
                    writeFacts(shard);
                }
            }
            Files.deleteIfExists(dir.resolve("bodies.bin")); // the one file earlier builds kept
            ParsedFiles.keep(factsName(dir), factsFiles(dir), bodies);
        }
        if (!pages.equals(previousPages) || !Files.exists(dir.resolve("pages.bin"))) {
            CacheWriter out = new CacheWriter().writeText(FORMAT).writeText(fingerprint).writeCount(pages.size());
            pages.forEach((path, record) -> out.writeText(path).writeText(record));
            out.saveAs(dir.resolve("pages.bin"));
            ParsedFiles.keep(pagesName(dir, fingerprint), List.of(dir.resolve("pages.bin")), pages);
            Files.deleteIfExists(dir.resolve("pages.tsv")); // the text form earlier builds kept
        }
        if (index == null) {
            // no index was written (the site has its own static one): nothing to describe
            Files.deleteIfExists(dir.resolve("search.bin"));
        } else if (!index.equals(previousIndex())) {
            CacheWriter out = new CacheWriter().writeText(fingerprint).writeCount(index.size());
            index.forEach(entry -> out.writeText(entry.key()).writeCount(entry.length()));
            out.saveAs(dir.resolve("search.bin"));
        }
        if (previousBodies.isEmpty()) {
            // a first, clean or recovered build: files of unknown builds may lie there
            Path html = dir.resolve("bodies");
            if (Files.isDirectory(html)) {
                try (Stream<Path> files = Files.walk(html)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        if (Files.isRegularFile(file) && !bodies.containsKey(file.getFileName().toString())) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
            }
        } else if (!sameBodies) {
            for (String key : previousBodies.keySet()) {
                if (!bodies.containsKey(key)) {
                    Files.deleteIfExists(htmlFile(key));
                }
            }
        }
    }

    private Path htmlFile(String key) {
        return dir.resolve("bodies").resolve(key.substring(0, 2)).resolve(key);
    }

    /**
     * Body facts are kept in sixteen files by the first digit of their keys, and only the files whose set of keys
     * changed are written: editing one article rewrites two sixteenths of them, not the whole (megabytes at
     * 10,000 articles). A missing file only means its bodies are rendered again.
     */
    private static final int SHARDS = 16;

    private static int shard(String key) {
        return Character.digit(key.charAt(0), 16) & (SHARDS - 1);
    }

    private static Path factsFile(Path dir, int shard) {
        return dir.resolve("bodies-" + Character.forDigit(shard, 16) + ".bin");
    }

    private static List<Set<String>> shards(Set<String> keys) {
        List<Set<String>> shards = new ArrayList<>(SHARDS);
        for (int i = 0; i < SHARDS; i++) {
            shards.add(new HashSet<>());
        }
        keys.forEach(key -> shards.get(shard(key)).add(key));
        return shards;
    }

    private void writeFacts(int shard) throws IOException {
        List<Map.Entry<String, CachedBody>> entries = bodies.entrySet().stream()
                .filter(e -> shard(e.getKey()) == shard).toList();
        CacheWriter out = new CacheWriter().writeCount(entries.size());
        for (Map.Entry<String, CachedBody> entry : entries) {
            RenderedBody body = entry.getValue().body();
            out.writeText(entry.getKey()).writeText(body.summary()).writeCount(body.wordCount())
                    .writeTexts(body.links()).writeTexts(entry.getValue().brokenLinks()).writeText(body.terms());
        }
        out.saveAs(factsFile(dir, shard));
    }

    private static Map<String, CachedBody> readFacts(Path dir) throws IOException {
        String stamp = ParsedFiles.stamp(factsFiles(dir));
        Map<String, CachedBody> facts = readFactsFiles(dir);
        ParsedFiles.keep(factsName(dir), stamp, facts);
        return facts;
    }

    private static Map<String, CachedBody> readFactsFiles(Path dir) throws IOException {
        Map<String, CachedBody> facts = new HashMap<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            Path file = factsFile(dir, shard);
            if (Files.exists(file)) {
                readFacts(file, facts);
            }
        }
        return facts;
    }

    private static void readFacts(Path file, Map<String, CachedBody> facts) throws IOException {
        CacheReader in = CacheReader.of(file);
        int count = in.readCount();
        for (int i = 0; i < count; i++) {
            String key = in.readText();
            String summary = in.readText();
            int words = in.readCount();
            List<String> links = in.readTexts();
            List<String> broken = in.readTexts();
            String terms = in.readText();
            facts.put(key, new CachedBody(new RenderedBody("", summary, words, links, terms), broken));
        }
        if (!in.atEnd()) {
            throw new IOException("corrupt cache file " + file + ": bytes after the last body");
        }
    }
}
