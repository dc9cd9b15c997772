package dev.gazette.source;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Writes a Markdown article: YAML front matter between '---' lines, then the body. */
public final class FrontMatterWriter {

    private FrontMatterWriter() {
    }

    /** @param fields in the order they should appear; values are text, numbers, booleans or lists of text */
    public static String write(Map<String, Object> fields, String body) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setWidth(120)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .build();
        String yaml = new Dump(settings).dumpToString(fields);
        return "---\n" + yaml + "---\n\n" + body;
    }
}
