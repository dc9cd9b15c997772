package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.problem.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldsDigestTest {

    private static String digest(String yaml) throws SourceException {
        return FieldsDigest.of(YamlReader.read(yaml, 1));
    }

    @Test
    void theSameValuesGiveTheSameDigestHoweverTheyAreWritten() throws SourceException {
        assertThat(digest("title: Burns meets Naryshkin\ntags: [cia, russia]\n"))
                .isEqualTo(digest("# a comment\ntitle: \"Burns meets Naryshkin\"\n\ntags:\n  - cia\n  - russia\n"));
    }

    @Test
    void anyChangeOfValueTypeOrOrderChangesIt() throws SourceException {
        List<String> digests = new ArrayList<>();
        for (String yaml : List.of("title: A\n", "title: B\n", "title: A\ndraft: true\n", "title: A\ndraft: false\n",
                "title: '1'\n", "title: 1\n", "tags: [a, b]\n", "tags: [b, a]\n", "tags: [ab]\n", "tags: a\n",
                "image: {src: a.jpg}\n", "image: {src: b.jpg}\n", "title: ~\n", "title: ''\n", "title: A\nlang: fr\n",
                "lang: fr\ntitle: A\n")) {
            digests.add(digest(yaml));
        }
        assertThat(digests).doesNotHaveDuplicates();
    }

    @Test
    void theSourceCacheKeepsTheDigestOfTheFieldsItKeeps(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\ntags: [x]\n---\n\nBody.\n");
        Files.setLastModifiedTime(content.resolve("a.md"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        dev.gazette.config.SiteConfig config = SiteConfigFile.load(dir, new Problems());
        SourceCache first = SourceCache.open(dir.resolve("sources.bin"), "f", false);
        SourceDocument read = new ContentLoader(config, first).load(content, new Problems()).get(0);
        first.save();
        SourceDocument cached = new ContentLoader(config, SourceCache.open(dir.resolve("sources.bin"), "f", false))
                .load(content, new Problems()).get(0);
        assertThat(read.fieldsDigest()).isEqualTo(FieldsDigest.of(read.fields()))
                .isEqualTo(cached.fieldsDigest()).isEqualTo(digest("title: A\ntags: [x]\n"));
    }
}
