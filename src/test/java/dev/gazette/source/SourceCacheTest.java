package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.problem.Problem;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCacheTest {

    @TempDir
    Path dir;

    private static final Instant OLD = Instant.parse("2024-05-01T10:00:00.123456789Z");

    @Test
    void everyKindOfYamlValueComesBackAsItWasRead() throws IOException, SourceException {
        YamlMap fields = YamlReader.read("""
                title: "Élysée: l'accord"
                weight: 3
                big: 123456789012
                huge: 123456789012345678901234567890
                ratio: 0.5
                draft: false
                featured: true
                empty:
                tags: [énergie, "2022", 7]
                image: {src: /a.jpg, alt: "Le port", size: [800, 600]}
                """, 2);
        Path file = dir.resolve("sources.bin");
        SourceCache first = SourceCache.open(file, "f1", false);
        first.store("news/a.md", new SourceCache.Entry(42, OLD, "", SourceFormat.MARKDOWN, fields, "hash-a", true, 13,
                List.of(Problem.note(dir.resolve("content/news/a.md"), 0, "stripped 1 line"))));
        first.save();

        SourceCache second = SourceCache.open(file, "f1", false);
        SourceCache.Entry entry = second.lookup("news/a.md", 42, OLD, "").orElseThrow();
        assertThat(entry.fields().values()).isEqualTo(fields.values());
        assertThat(entry.fields().values().get("weight")).isInstanceOf(Integer.class);
        assertThat(entry.fields().values().get("big")).isInstanceOf(Long.class);
        assertThat(entry.fields().values().get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(List.copyOf(entry.fields().values().keySet())).isEqualTo(List.copyOf(fields.values().keySet()));
        assertThat(entry.fields().line("tags")).isEqualTo(fields.line("tags")).isEqualTo(10);
        assertThat(entry.bodyHash()).isEqualTo("hash-a");
        assertThat(entry.linksToFiles()).isTrue();
        assertThat(entry.bodyLine()).isEqualTo(13);
        assertThat(entry.modified()).isEqualTo(OLD);
        assertThat(entry.problems()).extracting(Problem::message).containsExactly("stripped 1 line");
    }

    @Test
    void aChangedSizeTimeOrMetadataFileOrFingerprintMisses() throws IOException {
        Path file = dir.resolve("sources.bin");
        SourceCache cache = SourceCache.open(file, "f1", false);
        cache.store("a.txt", new SourceCache.Entry(10, OLD, ".yaml 5 t;", SourceFormat.RAW_TEXT,
                new YamlMap(new LinkedHashMap<>(Map.of("title", "A")), Map.of()), "h", false, 3, List.of()));
        cache.save();

        assertThat(SourceCache.open(file, "f1", false).lookup("a.txt", 10, OLD, ".yaml 5 t;")).isPresent();
        assertThat(SourceCache.open(file, "f1", false).lookup("a.txt", 11, OLD, ".yaml 5 t;")).isEmpty();
        assertThat(SourceCache.open(file, "f1", false).lookup("a.txt", 10, OLD.plusNanos(1), ".yaml 5 t;")).isEmpty();
        assertThat(SourceCache.open(file, "f1", false).lookup("a.txt", 10, OLD, ".yaml 6 t;")).isEmpty();
        assertThat(SourceCache.open(file, "f2", false).lookup("a.txt", 10, OLD, ".yaml 5 t;")).isEmpty();
        assertThat(SourceCache.open(file, "f1", true).lookup("a.txt", 10, OLD, ".yaml 5 t;")).isEmpty();
    }

    @Test
    void aFileChangedInTheLastSecondsIsNotCachedAndACorruptCacheIsIgnored() throws IOException {
        Path file = dir.resolve("sources.bin");
        SourceCache cache = SourceCache.open(file, "f1", false);
        cache.store("fresh.md", new SourceCache.Entry(1, Instant.now(), "", SourceFormat.MARKDOWN, YamlMap.EMPTY, "h",
                false, 1, List.of()));
        cache.store("old.md", new SourceCache.Entry(1, OLD, "", SourceFormat.MARKDOWN, YamlMap.EMPTY, "h", false, 1,
                List.of()));
        cache.save();
        SourceCache read = SourceCache.open(file, "f1", false);
        assertThat(read.lookup("fresh.md", 1, Instant.now(), "")).isEmpty();
        assertThat(read.lookup("old.md", 1, OLD, "")).isPresent();

        Files.write(file, new byte[] {0, 5, 'g', 'a', 'r', 'b', 'a', 'g', 'e', 1});
        assertThat(SourceCache.open(file, "f1", false).lookup("old.md", 1, OLD, "")).isEmpty();
    }
}
