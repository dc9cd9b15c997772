package dev.gazette.source;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes TOML front matter (Hugo's {@code +++} blocks) into the same mapping YAML front matter gives: dates stay
 * text for the content model to parse, and each top-level key keeps its line so that errors can point at it.
 */
final class TomlReader {

    /** Thread-safe once configured; built on first use, so a site without TOML never loads Jackson. */
    private static final class Mapper {
        static final TomlMapper INSTANCE = new TomlMapper();
    }

    private static final Pattern KEY = Pattern.compile("^\\s*(?:\"([^\"]+)\"|'([^']+)'|([A-Za-z0-9_-]+))\\s*=");
    private static final Pattern TABLE = Pattern.compile("^\\s*\\[\\[?\\s*(?:\"([^\"]+)\"|'([^']+)'|([A-Za-z0-9_.-]+))");

    private TomlReader() {
    }

    /**
     * @param text the TOML document
     * @param firstLine the file line of the document's first line
     * @throws SourceException when the text is not TOML, with the line at fault
     */
    static YamlMap read(String text, int firstLine) throws SourceException {
        Map<String, Object> values;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = Mapper.INSTANCE.readValue(text, LinkedHashMap.class);
            values = read;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? firstLine : firstLine + at.getLineNr() - 1;
            throw new SourceException(line, "invalid TOML: " + e.getOriginalMessage());
        }
        return new YamlMap(values, lines(text, firstLine));
    }

    /** The line of each top-level key: keys before the first table, and each table's header. */
    private static Map<String, Integer> lines(String text, int firstLine) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        boolean inTable = false;
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher table = TABLE.matcher(all[i]);
            if (table.find()) {
                inTable = true;
                String name = first(table);
                int dot = name.indexOf('.');
                lines.putIfAbsent(dot < 0 ? name : name.substring(0, dot), firstLine + i);
                continue;
            }
            Matcher key = KEY.matcher(all[i]);
            if (!inTable && key.find()) {
                lines.putIfAbsent(first(key), firstLine + i);
            }
        }
        return lines;
    }

    private static String first(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }
}
