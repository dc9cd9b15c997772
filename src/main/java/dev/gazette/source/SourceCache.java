package dev.gazette.source;

import dev.gazette.problem.Problem;
import dev.gazette.resident.ParsedFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The article files of the previous build as they were read: fields, body hash, body line and what reading them
 * reported, keyed by path under content/, size and modification time (and those of a raw article's NAME.yaml). A
 * file whose size and time are unchanged is not read, decoded, hashed or parsed again; its body is read when it
 * is rendered, as always. Like git's index, a file modified within {@value #RACY_SECONDS} seconds of the build
 * is not cached, so an edit that keeps the size in the same clock tick is never missed.
 *
 * <p>The whole cache is dropped when its fingerprint (Gazette's code and the site settings that change how files
 * are read) differs; a missing or unreadable cache just means every file is read.
 */
public final class SourceCache {

    private static final String FORMAT = "gazette-sources-3";
    private static final long RACY_SECONDS = 2;

    /** What reading one file gave. */
    record Entry(long size, Instant modified, String sidecar, SourceFormat format, YamlMap fields, String bodyHash,
            boolean linksToFiles, int bodyLine, List<Problem> problems, String fieldsDigest) {

        Entry(long size, Instant modified, String sidecar, SourceFormat format, YamlMap fields, String bodyHash,
                boolean linksToFiles, int bodyLine, List<Problem> problems) {
            this(size, modified, sidecar, format, fields, bodyHash, linksToFiles, bodyLine, problems,
                    FieldsDigest.of(fields));
        }
    }

    private final Path file;
    private final String fingerprint;
    private final CompletableFuture<Map<String, Entry>> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private final Instant racyFrom;
    private volatile boolean changed;

    private SourceCache(Path file, String fingerprint, CompletableFuture<Map<String, Entry>> previous, Instant now) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.previous = previous;
        this.racyFrom = now.minusSeconds(RACY_SECONDS);
    }

    /** A cache that remembers nothing and saves nothing (tools that read a site once). */
    public static SourceCache none() {
        return new SourceCache(null, "", CompletableFuture.completedFuture(Map.of()), Instant.now());
    }

    /**
     * @param file where the cache is kept
     * @param fingerprint what invalidates every entry
     * @param clean ignore what is cached (it is saved anew)
     */
    public static SourceCache open(Path file, String fingerprint, boolean clean) {
        if (clean) {
            return new SourceCache(file, fingerprint, CompletableFuture.completedFuture(Map.of()), Instant.now());
        }
        // a resident build process may still hold what it read or wrote last time
        Optional<Map<String, Entry>> kept = ParsedFiles.get(keptName(file, fingerprint), List.of(file));
        // read while the content folder is walked
        return new SourceCache(file, fingerprint, kept.isPresent() ? CompletableFuture.completedFuture(kept.get())
                : CompletableFuture.supplyAsync(() -> read(file, fingerprint)), Instant.now());
    }

    private static String keptName(Path file, String fingerprint) {
        return "sources:" + file + "|" + fingerprint;
    }

    private static Map<String, Entry> read(Path file, String fingerprint) {
        Map<String, Entry> entries = new HashMap<>();
        String stamp = ParsedFiles.stamp(List.of(file));
        try {
            CacheReader in = CacheReader.of(file);
            if (in.readText().equals(FORMAT) && in.readText().equals(fingerprint)) {
                int count = in.readCount();
                for (int i = 0; i < count; i++) {
                    String relative = in.readText();
                    entries.put(relative, readEntry(in));
                }
                ParsedFiles.keep(keptName(file, fingerprint), stamp, entries);
            }
        } catch (NoSuchFileException e) {
            // first build
        } catch (IOException | RuntimeException e) {
            entries.clear();
        }
        return entries;
    }

    /** The entry for a file whose size, time and metadata file are what they were when it was cached. */
    Optional<Entry> lookup(String relative, long size, Instant modified, String sidecar) {
        if (file == null) {
            return Optional.empty();
        }
        Entry entry = previous.join().get(relative);
        if (entry == null || entry.size() != size || !entry.modified().equals(modified)
                || !entry.sidecar().equals(sidecar)) {
            return Optional.empty();
        }
        current.put(relative, entry);
        return Optional.of(entry);
    }

    /** Remembers what reading a file gave, unless it changed too recently to trust its time. */
    void store(String relative, Entry entry) {
        if (file != null && entry.modified().isBefore(racyFrom) && cacheable(entry.fields().values())) {
            current.put(relative, entry);
            changed = true;
        }
    }

    /**
     * Writes the entries of the files read or looked up in this build; files gone since are forgotten. Nothing is
     * written when every file came from the cache and none has gone.
     */
    public void save() throws IOException {
        if (file == null || !changed && current.size() == previous.join().size()) {
            return;
        }
        CacheWriter out = new CacheWriter();
        out.writeText(FORMAT).writeText(fingerprint).writeCount(current.size());
        for (Map.Entry<String, Entry> e : current.entrySet()) {
            out.writeText(e.getKey());
            writeEntry(out, e.getValue());
        }
        out.saveAs(file);
        ParsedFiles.keep(keptName(file, fingerprint), List.of(file), current);
    }

    private static void writeEntry(CacheWriter out, Entry e) throws IOException {
        out.writeLong(e.size());
        out.writeLong(e.modified().getEpochSecond());
        out.writeInt(e.modified().getNano());
        out.writeText(e.sidecar());
        out.writeByte(e.format().ordinal());
        out.writeCount(e.fields().values().size());
        for (Map.Entry<String, Object> field : e.fields().values().entrySet()) {
            out.writeText(field.getKey());
            out.writeCount(Math.max(0, e.fields().line(field.getKey())));
            writeValue(out, field.getValue());
        }
        out.writeText(e.bodyHash());
        out.writeBoolean(e.linksToFiles());
        out.writeCount(Math.max(0, e.bodyLine()));
        out.writeCount(e.problems().size());
        for (Problem p : e.problems()) {
            out.writeByte(p.severity().ordinal());
            out.writeText(p.file() == null ? "" : p.file().toString());
            out.writeCount(Math.max(0, p.line()));
            out.writeText(p.message());
        }
        out.writeText(e.fieldsDigest());
    }

    private static Entry readEntry(CacheReader in) throws IOException {
        long size = in.readLong();
        Instant modified = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String sidecar = in.readText();
        SourceFormat format = SourceFormat.values()[in.readByte()];
        int fieldCount = in.readCount();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < fieldCount; i++) {
            String key = in.readText();
            int line = in.readCount();
            values.put(key, readValue(in));
            if (line > 0) {
                lines.put(key, line);
            }
        }
        String bodyHash = in.readText();
        boolean linksToFiles = in.readBoolean();
        int bodyLine = in.readCount();
        int problemCount = in.readCount();
        List<Problem> problems = new ArrayList<>(problemCount);
        for (int i = 0; i < problemCount; i++) {
            Problem.Severity severity = Problem.Severity.values()[in.readByte()];
            String path = in.readText();
            problems.add(new Problem(severity, path.isEmpty() ? null : Path.of(path), in.readCount(), in.readText()));
        }
        return new Entry(size, modified, sidecar, format, new YamlMap(values, lines), bodyHash, linksToFiles,
                bodyLine, problems, in.readText());
    }

    // YAML values as snakeyaml-engine decodes them: scalars, lists and mappings of them.
    private static final int NULL = 0, STRING = 1, TRUE = 2, FALSE = 3, INT = 4, LONG = 5, DOUBLE = 6, BIG = 7,
            LIST = 8, MAP = 9;

    private static boolean cacheable(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof BigInteger) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(SourceCache::cacheable);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> cacheable(e.getKey()) && cacheable(e.getValue()));
        }
        return false;
    }

    private static void writeValue(CacheWriter out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            out.writeText(s);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Integer n) {
            out.writeByte(INT);
            out.writeInt(n);
        } else if (value instanceof Long n) {
            out.writeByte(LONG);
            out.writeLong(n);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof BigInteger n) {
            out.writeByte(BIG);
            out.writeText(n.toString());
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeCount(list.size());
            for (Object item : list) {
                writeValue(out, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeCount(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeValue(out, e.getKey());
                writeValue(out, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("not a YAML value: " + value.getClass());
        }
    }

    private static Object readValue(CacheReader in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return in.readText();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BIG:
                return new BigInteger(in.readText());
            case LIST: {
                int n = in.readCount();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readValue(in));
                }
                return java.util.Collections.unmodifiableList(list);
            }
            case MAP: {
                int n = in.readCount();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(readValue(in), readValue(in));
                }
                return java.util.Collections.unmodifiableMap(map);
            }
            default:
                throw new IOException("corrupt source cache: tag " + tag);
        }
    }
}
