package dev.gazette.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.SiteConfig;
import dev.gazette.problem.Problems;
import dev.gazette.resident.ParsedFiles;
import dev.gazette.source.BodyText;
import dev.gazette.source.SourceDocument;
import dev.gazette.source.SourceFormat;
import dev.gazette.source.YamlMap;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArticleReaderTest {

    private static final String TEXT = "The council voted on Monday.\n";

    @AfterEach
    void keepNothing() {
        ParsedFiles.keepBetweenBuilds(false);
    }

    private static SourceDocument document(BodyText body) {
        return new SourceDocument(Path.of("/site/content/vote.md"), "vote.md", SourceFormat.MARKDOWN,
                new YamlMap(Map.of("title", "Council vote", "date", "2022-03-07"), Map.of()), body, 4,
                Instant.EPOCH);
    }

    private static Article read(SourceDocument doc) {
        ArticleReader reader = new ArticleReader(SiteConfig.defaults(), new Problems());
        Article article = reader.read(doc).orElseThrow();
        reader.keepForNextBuild();
        return article;
    }

    /**
     * A resident process reuses the articles of its previous build, but not one that reads its body from the
     * file for a build that read and kept it (the build server's clean builds of a small site read every body once).
     */
    @Test
    void aResidentProcessReusesAnArticleOnlyWithItsBodyKeptAsThisBuildKeepsIt() throws Exception {
        ParsedFiles.keepBetweenBuilds(true);
        Article fromFile = read(document(BodyText.of(TEXT, () -> TEXT)));
        assertThat(fromFile.body().kept()).isFalse();
        assertThat(read(document(BodyText.of(TEXT, () -> TEXT)))).isSameAs(fromFile);

        Article kept = read(document(BodyText.of(TEXT)));
        assertThat(kept).isNotSameAs(fromFile);
        assertThat(kept.body().kept()).isTrue();
        assertThat(kept.body().read()).isEqualTo(TEXT);
        assertThat(read(document(BodyText.of(TEXT)))).isSameAs(kept);
    }
}
