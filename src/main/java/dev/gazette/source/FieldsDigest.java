package dev.gazette.source;

import java.util.List;
import java.util.Map;

/**
 * A digest of an article file's decoded fields (values only, in their order; not the lines they are on), worked
 * out once when the file is read and kept in the source cache with them: what an article is read from, so later
 * stages can tell whether its fields changed without printing the article again.
 */
public final class FieldsDigest {

    private FieldsDigest() {
    }

    public static String of(YamlMap fields) {
        StringBuilder text = new StringBuilder(512);
        print(fields.values(), text);
        return ContentHash.of(text.toString());
    }

    /** Every value tagged with its type, text with its length, so no two different field sets print alike. */
    private static void print(Object value, StringBuilder out) {
        if (value == null) {
            out.append('~');
        } else if (value instanceof String s) {
            out.append('s').append(s.length()).append(':').append(s);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (Object item : list) {
                print(item, out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                print(entry.getKey(), out);
                print(entry.getValue(), out);
            }
            out.append('}');
        } else {
            String text = value.toString();
            out.append(value.getClass().getSimpleName()).append(text.length()).append(':').append(text);
        }
    }
}
