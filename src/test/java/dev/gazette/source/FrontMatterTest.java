package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void splitsYamlFromBodyAndKeepsLineNumbers() throws SourceException {
        FrontMatter split = FrontMatter.split("---\ntitle: A\ntags: [x]\n---\n\nBody\n");
        assertThat(split.text()).isEqualTo("title: A\ntags: [x]\n");
        assertThat(split.textLine()).isEqualTo(2);
        assertThat(split.body()).isEqualTo("\nBody\n");
        assertThat(split.bodyLine()).isEqualTo(5);
    }

    @Test
    void aFileWithoutFrontMatterIsAllBody() throws SourceException {
        FrontMatter split = FrontMatter.split("# Title\n\nText ---\n");
        assertThat(split.text()).isEmpty();
        assertThat(split.body()).isEqualTo("# Title\n\nText ---\n");
    }

    @Test
    void anUnclosedBlockIsAnErrorOnLineOne() {
        assertThatThrownBy(() -> FrontMatter.split("---\ntitle: A\n\nBody"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("no closing '---'");
    }

    @Test
    void tomlFrontMatterAsHugoWritesItKeepsTypesDatesAsTextAndLines() throws SourceException {
        // the head of a real Hugo site's post (hugoBasicExample, content/post/rich-content.md), with a table added
        FrontMatter split = FrontMatter.split("+++\nauthor = \"Hugo Authors\"\ntitle = \"Rich Content\"\n"
                + "date = \"2019-03-10\"\nlastmod = 2019-03-11T08:00:00Z\ndraft = false\ntags = [\n    \"shortcodes\",\n"
                + "    \"privacy\",\n]\n[params]\nhero = \"x.jpg\"\n+++\n\nHugo ships with...\n");
        assertThat(split.format()).isEqualTo(FrontMatter.Format.TOML);
        assertThat(split.bodyLine()).isEqualTo(14);
        YamlMap fields = split.fields();
        assertThat(fields.values()).containsEntry("title", "Rich Content").containsEntry("draft", false)
                .containsEntry("tags", List.of("shortcodes", "privacy")).containsEntry("date", "2019-03-10");
        assertThat(fields.values().get("lastmod").toString()).startsWith("2019-03-11T08:00");
        assertThat(fields.line("title")).isEqualTo(3);
        assertThat(fields.line("tags")).isEqualTo(7);
        assertThat(fields.line("params")).isEqualTo(11);
    }

    @Test
    void badTomlIsAnErrorOnItsLine() {
        assertThatThrownBy(() -> FrontMatter.split("+++\ntitle = \"A\"\ndate = = 2\n+++\nBody\n").fields())
                .isInstanceOf(SourceException.class).hasMessageContaining("invalid TOML")
                .satisfies(e -> assertThat(((SourceException) e).line()).isEqualTo(3));
    }

    @Test
    void jsonFrontMatterIsTheObjectThatOpensTheFile() throws SourceException {
        FrontMatter split = FrontMatter.split("{\n  \"title\": \"A {braced} title\",\n  \"tags\": [\"a\"],\n"
                + "  \"date\": \"2020-01-02\"\n}\n\nBody text.\n");
        assertThat(split.format()).isEqualTo(FrontMatter.Format.JSON);
        assertThat(split.body()).isEqualTo("\nBody text.\n");
        assertThat(split.bodyLine()).isEqualTo(6);
        assertThat(split.fields().values()).containsEntry("title", "A {braced} title").containsEntry("date", "2020-01-02");
        assertThat(split.fields().line("tags")).isEqualTo(3);
    }

    @Test
    void yamlIsDecodedWithTypesListsAndUnquotedStrings() throws SourceException {
        YamlMap map = YamlReader.read("title: \"Quoted: yes\"\ndraft: true\ntags: [a, 'b c']\ndate: 2022-11-14\ncount: 3\n", 2);
        assertThat(map.values().get("title")).isEqualTo("Quoted: yes");
        assertThat(map.values().get("draft")).isEqualTo(true);
        assertThat(map.values().get("tags")).isEqualTo(List.of("a", "b c"));
        assertThat(map.values().get("date")).isEqualTo("2022-11-14");
        assertThat(map.values().get("count")).isEqualTo(3);
        assertThat(map.line("tags")).isEqualTo(4);
    }

    @Test
    void yamlErrorsCarryTheFileLine() {
        assertThatThrownBy(() -> YamlReader.read("title: A\ntags: [a\nother: b\n", 2))
                .isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).line()).isBetween(3, 5));
        assertThatThrownBy(() -> YamlReader.read("title: A\ntitle: B\n", 2))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("duplicate key title")
                .satisfies(e -> assertThat(((SourceException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> YamlReader.read("- a\n- b\n", 2)).hasMessageContaining("found a list");
    }
}
