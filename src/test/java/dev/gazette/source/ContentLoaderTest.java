package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.problem.Problems;
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
        // a folder reached through a symbolic link is read like any other
        article(dir.resolve("elsewhere/linked.md"));
        Files.createSymbolicLink(content.resolve("agency"), dir.resolve("elsewhere"));

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
}
