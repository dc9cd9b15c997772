package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void splitsYamlFromBodyAndKeepsLineNumbers() throws SourceException {
        FrontMatter split = FrontMatter.split("---\ntitle: A\ntags: [x]\n---\n\nBody\n");
        assertThat(split.yaml()).isEqualTo("title: A\ntags: [x]\n");
        assertThat(split.yamlLine()).isEqualTo(2);
        assertThat(split.body()).isEqualTo("\nBody\n");
        assertThat(split.bodyLine()).isEqualTo(5);
    }

    @Test
    void aFileWithoutFrontMatterIsAllBody() throws SourceException {
        FrontMatter split = FrontMatter.split("# Title\n\nText ---\n");
        assertThat(split.yaml()).isEmpty();
        assertThat(split.body()).isEqualTo("# Title\n\nText ---\n");
    }

    @Test
    void anUnclosedBlockIsAnErrorOnLineOne() {
        assertThatThrownBy(() -> FrontMatter.split("---\ntitle: A\n\nBody"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("no closing '---'");
    }

    @Test
    void tomlFrontMatterIsExplainedNotMisread() {
        assertThatThrownBy(() -> FrontMatter.split("+++\ntitle = 'A'\n+++\n"))
                .hasMessageContaining("TOML front matter");
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
