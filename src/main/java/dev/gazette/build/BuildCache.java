package dev.gazette.build;

import dev.gazette.html.RenderedBody;
import dev.gazette.source.ContentHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the previous successful build rendered, kept beside the output folder ({@code .public.gazette-cache/}
 * for {@code public/}): rendered bodies by a hash of everything they depend on, and for every output page a hash
 * of its template inputs. A body whose inputs are unchanged is not rendered again; a page whose inputs are
 * unchanged is neither rendered nor written, so its file keeps its modification time. Only a successful build
 * saves the cache; a missing, old or unreadable cache just means a full render.
 */
final class BuildCache {

    /** A rendered body and the broken article links found while rendering it (reported again on reuse). */
    record CachedBody(RenderedBody body, List<String> brokenLinks) {
        CachedBody {
            brokenLinks = List.copyOf(brokenLinks);
        }
    }

    private static final String FORMAT = "gazette-cache-2";

    private final Path dir;
    private final String fingerprint;
    private final Map<String, String> previousPages;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Set<String> usedBodies = ConcurrentHashMap.newKeySet();

    private BuildCache(Path dir, String fingerprint, Map<String, String> previousPages) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.previousPages = previousPages;
    }

    /**
     * @param output the output folder; the cache lives beside it
     * @param fingerprint what invalidates everything: Gazette's version and code, site templates
     * @param clean ignore what is cached (it is rebuilt and saved anew)
     */
    static BuildCache open(Path output, String fingerprint, boolean clean) {
        Path dir = output.resolveSibling("." + output.getFileName() + ".gazette-cache");
        Map<String, String> previous = new HashMap<>();
        if (!clean) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve("pages.tsv"), StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).equals(FORMAT + "\t" + fingerprint)) {
                    for (String line : lines.subList(1, lines.size())) {
                        int tab = line.indexOf('\t');
                        previous.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                } else if (!lines.isEmpty()) {
                    deleteBodies(dir);
                }
            } catch (NoSuchFileException e) {
                // first build: nothing cached
            } catch (IOException | RuntimeException e) {
                previous.clear();
            }
        } else {
            deleteBodies(dir);
        }
        return new BuildCache(dir, fingerprint, previous);
    }

    /** A short digest of the parts, for cache keys. */
    static String hash(String... parts) {
        return ContentHash.of(parts);
    }

    Optional<CachedBody> body(String key) {
        try {
            byte[] bytes = Files.readAllBytes(bodyFile(key));
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            String html = readString(in);
            String summary = readString(in);
            int words = in.readInt();
            List<String> links = readStrings(in);
            List<String> broken = readStrings(in);
            List<String> terms = readStrings(in);
            usedBodies.add(key);
            return Optional.of(new CachedBody(new RenderedBody(html, summary, words, links, terms), broken));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void storeBody(String key, CachedBody cached) {
        usedBodies.add(key);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(cached.body().html().length() + 512);
            DataOutputStream out = new DataOutputStream(bytes);
            writeString(out, cached.body().html());
            writeString(out, cached.body().summary());
            out.writeInt(cached.body().wordCount());
            writeStrings(out, cached.body().links());
            writeStrings(out, cached.brokenLinks());
            writeStrings(out, cached.body().terms());
            Path file = bodyFile(key);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), key, ".tmp");
            Files.write(temp, bytes.toByteArray());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache in " + dir, e);
        }
    }

    /** Whether the previous build produced this page from the same inputs. */
    boolean unchanged(String path, String key) {
        return key.equals(previousPages.get(path));
    }

    void recordPage(String path, String key) {
        pages.put(path, key);
    }

    /** Saves what this (successful) build rendered and forgets bodies no page uses any more. */
    void save() throws IOException {
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>(pages.size() + 1);
        lines.add(FORMAT + "\t" + fingerprint);
        pages.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(e.getKey() + "\t" + e.getValue()));
        Path temp = Files.createTempFile(dir, "pages", ".tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, dir.resolve("pages.tsv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path bodies = dir.resolve("bodies");
        if (Files.isDirectory(bodies)) {
            try (Stream<Path> shards = Files.list(bodies)) {
                for (Path shard : shards.toList()) {
                    try (Stream<Path> files = Files.list(shard)) {
                        for (Path file : files.toList()) {
                            if (!usedBodies.contains(file.getFileName().toString())) {
                                Files.deleteIfExists(file);
                            }
                        }
                    }
                }
            }
        }
    }

    private Path bodyFile(String key) {
        return dir.resolve("bodies").resolve(key.substring(0, 2)).resolve(key);
    }

    private static void deleteBodies(Path dir) {
        Path bodies = dir.resolve("bodies");
        if (!Files.isDirectory(bodies)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(bodies)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a cache that cannot be cleared is only a cache: entries are verified by their keys anyway
        }
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(readString(in));
        }
        return strings;
    }
}
