package dev.gazette.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A decoded YAML mapping and the line of each of its top-level keys, so later checks can point at the line
 * of a bad value.
 */
public record YamlMap(Map<String, Object> values, Map<String, Integer> lines) {

    public static final YamlMap EMPTY = new YamlMap(Map.of(), Map.of());

    public YamlMap {
        // YAML allows null values, which Map.copyOf does not: keep insertion order in an unmodifiable view.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        lines = Map.copyOf(lines);
    }

    public int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    /** This mapping with the keys of {@code over} replacing its own; lines follow the value they came with. */
    public YamlMap overriddenBy(YamlMap over) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        Map<String, Integer> mergedLines = new LinkedHashMap<>(lines);
        merged.putAll(over.values);
        mergedLines.putAll(over.lines);
        return new YamlMap(merged, mergedLines);
    }
}
