package dev.gazette.build;

import dev.gazette.html.RenderedBody;
import dev.gazette.source.CacheReader;
import dev.gazette.source.CacheWriter;
import dev.gazette.source.ContentHash;
import dev.gazette.resident.ParsedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import java.util.zip.CRC32;

/**
 * What the previous successful build rendered, kept beside the output folder ({@code .public.gazette-cache/}
 * for {@code public/}): for each rendered body, keyed by a hash of everything it depends on, its facts (summary,
 * word count, links, search terms, broken links) in sixteen index files and its HTML in one of sixteen pack
 * files, read only when a page or feed needs it; and for every output page a hash of its template inputs. A body whose inputs
 * are unchanged is not rendered again; a page whose inputs are unchanged is neither rendered nor written, so
 * its file keeps its modification time. Only a successful build saves the cache; a missing, old or unreadable
 * cache just means a full render.
 */
final class BuildCache {

    /**
     * A rendered body (its HTML possibly not read yet) and the broken article links found while rendering it;
     * {@code html} is where its HTML is in its shard's pack (null until stored).
     */
    record CachedBody(RenderedBody body, List<String> brokenLinks, Span html) {
        CachedBody {
            brokenLinks = List.copyOf(brokenLinks);
        }

        CachedBody(RenderedBody body, List<String> brokenLinks) {
            this(body, brokenLinks, null);
        }
    }

    /** A body's HTML in a pack file: where it starts, its length in bytes and the CRC-32 of those bytes. */
    record Span(long offset, int length, int crc) {
    }

    /** What the body index files hold: each body by key, and the pack file each shard's HTML is in. */
    private record Facts(Map<String, CachedBody> bodies, List<String> packs) {
    }

    /** An entry of the search index as written: the key of its inputs and its length in characters. */
    record IndexEntry(String key, int length) {
    }

    private static final String FORMAT = "gazette-cache-6";

    private final Path dir;
    private final String fingerprint;
    private final Map<String, String> previousPages;
    private final Map<String, CachedBody> previousBodies;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Map<String, CachedBody> bodies = new ConcurrentHashMap<>();
    /** Each shard's pack file (by name in the cache folder): the previous build's, or a new one. */
    private final String[] packs = new String[SHARDS];
    private final Object[] packLocks = new Object[SHARDS];
    /** Shards a body was stored in by this build: their index files are written. */
    private final boolean[] stored = new boolean[SHARDS];
    /**
     * Each shard's pack as this build appends to it, opened on the first body stored and kept open until the
     * render stage ends (opening, sizing and closing the file for every body was 1% of a clean build), and
     * where its end is.
     */
    private final FileChannel[] appending = new FileChannel[SHARDS];
    private final long[] ends = new long[SHARDS];
    private volatile boolean dirReady;
    private List<IndexEntry> previousIndex = List.of();
    private List<IndexEntry> index;

    private BuildCache(Path dir, String fingerprint, Map<String, String> previousPages, Facts previous) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.previousPages = previousPages;
        this.previousBodies = previous.bodies();
        for (int shard = 0; shard < SHARDS; shard++) {
            String pack = shard < previous.packs().size() ? previous.packs().get(shard) : "";
            packs[shard] = pack.isEmpty() ? newPackName(shard) : pack;
            packLocks[shard] = new Object();
        }
    }

    private static String newPackName(int shard) {
        return "bodies-" + Character.forDigit(shard, 16) + "-"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 16) + ".pack";
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
        Facts bodies = NO_FACTS;
        if (!clean) {
            try {
                // a resident build process may still hold what it read or wrote last time
                Optional<Map<String, String>> keptPages = ParsedFiles.get(pagesName(dir, fingerprint),
                        List.of(dir.resolve("pages.bin")));
                if (keptPages.isPresent()) {
                    pages = keptPages.get();
                    bodies = ParsedFiles.<Facts>get(factsName(dir), factsFiles(dir)).orElse(null);
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
                bodies = NO_FACTS;
                ParsedFiles.forget(pagesName(dir, fingerprint));
                ParsedFiles.forget(factsName(dir));
            }
        }
        return new BuildCache(dir, fingerprint, pages, bodies);
    }

    private static final Facts NO_FACTS = new Facts(Map.of(), List.of());

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

    /** Drops the record of the pages of an output, so the next build renders and compares every page. */
    static void forgetPages(Path output) throws IOException {
        Files.deleteIfExists(dir(output.toAbsolutePath().normalize()).resolve("pages.bin"));
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
        CachedBody cached = bodies.get(key);
        if (cached == null || cached.html() == null) {
            cached = previousBodies.get(key);
        }
        if (cached == null || cached.html() == null) {
            return Optional.empty();
        }
        Span span = cached.html();
        try (FileChannel pack = FileChannel.open(dir.resolve(packs[shard(key)]), StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(span.length());
            while (bytes.hasRemaining()) {
                if (pack.read(bytes, span.offset() + bytes.position()) < 0) {
                    return Optional.empty();
                }
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.array());
            // a pack changed by anything but a build is read as missing: the body is rendered again
            return (int) crc.getValue() == span.crc() ? Optional.of(new String(bytes.array(), StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps a body just rendered: its HTML appended to its shard's pack now, its facts and where its HTML is in
     * the index when the build is saved. Only a saved index makes bytes of a pack count, and it is saved after
     * they are written: a build stopped half-way leaves bytes no index points at, dropped by a later compaction.
     * One pack per shard instead of a file per body: creating ten thousand files was a visible part of a clean
     * build (docs/performance.md).
     */
    void storeBody(String key, CachedBody cached) {
        RenderedBody body = cached.body();
        byte[] html = body.html().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(html);
        int shard = shard(key);
        long offset;
        try {
            if (!dirReady) {
                Files.createDirectories(dir);
                dirReady = true;
            }
            synchronized (packLocks[shard]) {
                FileChannel channel = appending[shard];
                if (channel == null || !channel.isOpen()) {
                    channel = FileChannel.open(dir.resolve(packs[shard]), StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    appending[shard] = channel;
                    ends[shard] = channel.size();
                }
                offset = ends[shard];
                ByteBuffer buffer = ByteBuffer.wrap(html);
                while (buffer.hasRemaining()) {
                    channel.write(buffer, offset + buffer.position());
                }
                ends[shard] = offset + html.length;
                stored[shard] = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache in " + dir, e);
        }
        bodies.put(key, new CachedBody(new RenderedBody("", body.summary(), body.wordCount(), body.links(), body.terms()),
                cached.brokenLinks(), new Span(offset, html.length, (int) crc.getValue())));
    }

    /** Closes the packs bodies were appended to: the render stage calls it when it ends, well or not. */
    void closePacks() {
        for (int shard = 0; shard < SHARDS; shard++) {
            synchronized (packLocks[shard]) {
                if (appending[shard] != null) {
                    try {
                        appending[shard].close();
                    } catch (IOException e) {
                        // written bytes stay written; a pack that lost some is read as missing (its CRC)
                    }
                    appending[shard] = null;
                }
            }
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
        closePacks();
        Files.createDirectories(dir);
        List<Set<String>> before = shards(previousBodies.keySet());
        List<Set<String>> now = shards(bodies.keySet());
        boolean written = false;
        for (int shard = 0; shard < SHARDS; shard++) {
            if (stored[shard] || !now.get(shard).equals(before.get(shard))) {
                writeFacts(shard);
                written = true;
            }
        }
        if (written) {
            ParsedFiles.keep(factsName(dir), factsFiles(dir), new Facts(bodies, List.of(packs)));
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
        // packs no index points at (of a clean or failed build, or replaced by a compaction), and what earlier
        // versions kept: a file per body under bodies/, all facts in bodies.bin
        Set<String> inUse = Set.of(packs);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("bodies-") && name.endsWith(".pack") && !inUse.contains(name)
                        || name.equals("bodies.bin")) {
                    Files.deleteIfExists(file);
                } else if (name.equals("bodies") && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> old = Files.walk(file)) {
                        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(path);
                        }
                    }
                }
            }
        }
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

    /**
     * Writes a shard's index: its pack's name, then each body's facts and where its HTML is. A pack more than
     * twice the size of the HTML its index points at (bodies edited many times, bodies gone) is first copied
     * into a new pack with only that HTML; the old one goes once the index points at the new one.
     */
    private void writeFacts(int shard) throws IOException {
        List<Map.Entry<String, CachedBody>> entries = bodies.entrySet().stream()
                .filter(e -> shard(e.getKey()) == shard).toList();
        Path pack = dir.resolve(packs[shard]);
        long live = entries.stream().mapToLong(e -> e.getValue().html() == null ? 0 : e.getValue().html().length()).sum();
        if (Files.exists(pack) && Files.size(pack) > 2 * live + 16_384) {
            entries = compact(shard, entries);
        }
        CacheWriter out = new CacheWriter().writeText(packs[shard]).writeCount(entries.size());
        for (Map.Entry<String, CachedBody> entry : entries) {
            RenderedBody body = entry.getValue().body();
            out.writeText(entry.getKey()).writeText(body.summary()).writeCount(body.wordCount())
                    .writeTexts(body.links()).writeTexts(entry.getValue().brokenLinks()).writeText(body.terms());
            Span span = entry.getValue().html();
            out.writeBoolean(span != null);
            if (span != null) {
                out.writeLong(span.offset()).writeCount(span.length()).writeInt(span.crc());
            }
        }
        out.saveAs(factsFile(dir, shard));
    }

    /** The shard's HTML that its index points at, copied into a new pack; the entries with their new places. */
    private List<Map.Entry<String, CachedBody>> compact(int shard, List<Map.Entry<String, CachedBody>> entries)
            throws IOException {
        String name = newPackName(shard);
        List<Map.Entry<String, CachedBody>> moved = new ArrayList<>(entries.size());
        try (FileChannel from = FileChannel.open(dir.resolve(packs[shard]), StandardOpenOption.READ);
                FileChannel to = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
            long at = 0;
            for (Map.Entry<String, CachedBody> entry : entries) {
                CachedBody cached = entry.getValue();
                Span span = cached.html();
                if (span == null) {
                    moved.add(entry);
                    continue;
                }
                ByteBuffer bytes = ByteBuffer.allocate(span.length());
                while (bytes.hasRemaining() && from.read(bytes, span.offset() + bytes.position()) >= 0) {
                    // read on
                }
                bytes.flip();
                while (bytes.hasRemaining()) {
                    to.write(bytes, at + bytes.position());
                }
                // bytes cut short stay short: the CRC then fails and the body is rendered again
                CachedBody copy = new CachedBody(cached.body(), cached.brokenLinks(), new Span(at, span.length(), span.crc()));
                bodies.put(entry.getKey(), copy);
                moved.add(Map.entry(entry.getKey(), copy));
                at += span.length();
            }
        }
        packs[shard] = name;
        return moved;
    }

    private static Facts readFacts(Path dir) throws IOException {
        String stamp = ParsedFiles.stamp(factsFiles(dir));
        Facts facts = readFactsFiles(dir);
        ParsedFiles.keep(factsName(dir), stamp, facts);
        return facts;
    }

    private static Facts readFactsFiles(Path dir) throws IOException {
        Map<String, CachedBody> facts = new HashMap<>();
        List<String> packs = new ArrayList<>(SHARDS);
        for (int shard = 0; shard < SHARDS; shard++) {
            Path file = factsFile(dir, shard);
            packs.add(Files.exists(file) ? readFacts(file, facts) : "");
        }
        return new Facts(facts, packs);
    }

    /** Reads a shard's index into {@code facts}; returns the name of its pack. */
    private static String readFacts(Path file, Map<String, CachedBody> facts) throws IOException {
        CacheReader in = CacheReader.of(file);
        String pack = in.readText();
        if (!pack.matches("bodies-[0-9a-f]-[0-9a-f]+\\.pack")) {
            throw new IOException("corrupt cache file " + file + ": no pack name");
        }
        int count = in.readCount();
        for (int i = 0; i < count; i++) {
            String key = in.readText();
            String summary = in.readText();
            int words = in.readCount();
            List<String> links = in.readTexts();
            List<String> broken = in.readTexts();
            String terms = in.readText();
            Span span = in.readBoolean() ? new Span(in.readLong(), in.readCount(), in.readInt()) : null;
            facts.put(key, new CachedBody(new RenderedBody("", summary, words, links, terms), broken, span));
        }
        if (!in.atEnd()) {
            throw new IOException("corrupt cache file " + file + ": bytes after the last body");
        }
        return pack;
    }
}
