package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.problem.Problems;
import dev.gazette.resident.ParsedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @TempDir
    Path dir;

    private void article(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: " + file.getFileName() + "\n---\n\nBody.\n");
    }

    @Test
    void articleFilesAreFoundInSortedOrderLeavingHiddenOnesAndOtherFilesOut() throws Exception {
        Path content = dir.resolve("site/content");
        article(content.resolve("world/b.md"));
        article(content.resolve("world/a.markdown"));
        Files.writeString(content.resolve("world/wire.txt"), "Title of the wire copy\n\nFirst paragraph of the copy.\n");
        article(content.resolve("top.md"));
        article(content.resolve("_drafts/draft.md"));
        article(content.resolve(".git/stray.md"));
        article(content.resolve("world/_note.md"));
        article(content.resolve("world/.hidden.md"));
        Files.writeString(content.resolve("world/photo.jpg"), "not an article");
        // a folder of the site reached through a symbolic link is read like any other
        article(dir.resolve("site/wire-feeds/linked.md"));
        Files.createSymbolicLink(content.resolve("agency"), dir.resolve("site/wire-feeds"));

        Problems problems = new Problems();
        var config = SiteConfigFile.load(dir.resolve("site"), problems);
        var documents = new ContentLoader(config).load(content, problems);

        assertThat(documents).extracting(SourceDocument::relativePath)
                .containsExactly("agency/linked.md", "top.md", "world/a.markdown", "world/b.md", "world/wire.txt");
        assertThat(documents).extracting(SourceDocument::format).containsExactly(SourceFormat.MARKDOWN,
                SourceFormat.MARKDOWN, SourceFormat.MARKDOWN, SourceFormat.MARKDOWN, SourceFormat.RAW_TEXT);
    }

    @Test
    void aMissingContentFolderIsAnEmptySite() throws Exception {
        Problems problems = new Problems();
        var config = SiteConfigFile.load(dir, problems);
        assertThat(new ContentLoader(config).load(dir.resolve("content"), problems)).isEmpty();
    }

    @Test
    void bodiesAreKeptFromTheFirstReadWhenTheSiteIsSmallEnoughAndReadAgainOtherwise() throws Exception {
        Path content = dir.resolve("site/content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\n---\n\nFirst text of A.\n");
        Files.writeString(content.resolve("b.txt"), "Wire copy B\n\nFirst text of B.\n");
        Problems problems = new Problems();
        var config = SiteConfigFile.load(dir.resolve("site"), problems);

        var kept = new ContentLoader(config, SourceCache.none(), 1 << 20).load(content, problems);
        var reread = new ContentLoader(config, SourceCache.none(), 0).load(content, problems);
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\n---\n\nEdited during the build.\n");
        Files.writeString(content.resolve("b.txt"), "Wire copy B\n\nEdited during the build.\n");

        // kept: the text its hash was taken from, whatever happened to the file since
        assertThat(kept.get(0).body().read()).contains("First text of A.");
        assertThat(kept.get(1).body().read()).contains("First text of B.");
        // a site too big to keep its bodies: each is read from its file when it is rendered
        assertThat(reread.get(0).body().read()).contains("Edited during the build.");
        assertThat(reread.get(1).body().read()).contains("Edited during the build.");
        assertThat(kept.get(0).body().hash()).isEqualTo(reread.get(0).body().hash());
        assertThat(problems.hasErrors()).isFalse();
    }

    @Test
    void aBuildServerReadsEachBodyAgainWhenItIsRendered() throws Exception {
        Path content = dir.resolve("site/content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\n---\n\nFirst text of A.\n");
        Problems problems = new Problems();
        var config = SiteConfigFile.load(dir.resolve("site"), problems);
        ParsedFiles.keepBetweenBuilds(true);
        try {
            var documents = new ContentLoader(config, SourceCache.none(), 1 << 20).load(content, problems);
            Files.writeString(content.resolve("a.md"), "---\ntitle: A\n---\n\nEdited.\n");
            assertThat(documents.get(0).body().read()).contains("Edited.");
        } finally {
            ParsedFiles.keepBetweenBuilds(false);
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutBeingRead() throws Exception {
        Path content = dir.resolve("site/content");
        article(content.resolve("fine.md"));
        Path huge = content.resolve("huge.md");
        try (var out = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap("x".getBytes()), ContentLoader.MAX_FILE_BYTES); // sparse: no disk used
        }
        Problems problems = new Problems();
        var documents = new ContentLoader(SiteConfigFile.load(dir.resolve("site"), problems)).load(content, problems);
        assertThat(documents).extracting(SourceDocument::relativePath).containsExactly("fine.md");
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("the file has 16 MB; an article may have 16 MB at most"));
    }

    @Test
    void anUnreadableFileIsNamedAndLeftOut() throws Exception {
        Path content = dir.resolve("site/content");
        article(content.resolve("fine.md"));
        Path secret = content.resolve("secret.md");
        article(secret);
        Files.setPosixFilePermissions(secret, java.util.Set.of());
        // root reads any file: the case exists only for other users (checked by hand as nobody)
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(secret), "running as root");
        Problems problems = new Problems();
        var documents = new ContentLoader(SiteConfigFile.load(dir.resolve("site"), problems)).load(content, problems);
        assertThat(documents).extracting(SourceDocument::relativePath).containsExactly("fine.md");
        assertThat(problems.sorted()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("cannot read: permission denied"));
    }
}
