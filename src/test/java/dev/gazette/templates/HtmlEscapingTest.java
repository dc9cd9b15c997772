package dev.gazette.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unbescape.html.HtmlEscape;

class HtmlEscapingTest {

    private final HtmlEscaping escaping = new HtmlEscaping();

    @Test
    void escapesEveryCharacterAsPebblesOwnStrategyDoes() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xFFFF; c++) {
            String one = String.valueOf(c);
            assertThat(escaping.escape(one)).as("U+%04X", (int) c).isEqualTo(HtmlEscape.escapeHtml4Xml(one));
            if (!Character.isSurrogate(c)) {
                all.append(c);
            }
        }
        all.append("\uD83D\uDCF0 « l'Élysée » <b>\"Tom & Jerry\"</b>");
        assertThat(escaping.escape(all.toString())).isEqualTo(HtmlEscape.escapeHtml4Xml(all.toString()));
        assertThat(escaping.escape("plain text")).isSameAs("plain text".intern());
        assertThat(escaping.escape(null)).isNull();
    }

    @Test
    void templatesEscapeWithIt(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("t.peb"), "<p title=\"{{ v }}\">{{ v }}</p>");
        Theme theme = new Theme(dir, null);
        assertThat(theme.render("t.peb", Map.of("v", "Tom & \"Jerry\" <b>l'été</b>")))
                .isEqualTo("<p title=\"Tom &amp; &quot;Jerry&quot; &lt;b&gt;l&#39;été&lt;/b&gt;\">"
                        + "Tom &amp; &quot;Jerry&quot; &lt;b&gt;l&#39;été&lt;/b&gt;</p>");
    }
}
