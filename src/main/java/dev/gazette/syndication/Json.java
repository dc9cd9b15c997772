package dev.gazette.syndication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A small JSON writer for the documents this package produces (JSON Feed, JSON-LD, the search index): maps,
 * lists, text, numbers, booleans and null, with text escaped per RFC 8259. {@code <}, {@code >} and {@code &}
 * are written as Unicode escapes, so the output is also safe inside an HTML {@code <script>} element.
 */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /**
     * A map's entries in its own order when it has one (insertion or sorted), else sorted by key: the order of
     * {@code Map.of} and {@code HashMap} changes from one run to the next, and output must not.
     */
    public static Iterable<? extends Map.Entry<?, ?>> entries(Map<?, ?> map) {
        if (map instanceof LinkedHashMap || map instanceof SortedMap || map.size() < 2) {
            return map.entrySet();
        }
        List<Map.Entry<?, ?>> sorted = new ArrayList<>(map.entrySet());
        sorted.sort(Comparator.comparing(e -> String.valueOf(e.getKey())));
        return sorted;
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : entries(map)) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            string(value.toString(), out);
        }
    }

    /** A JSON string; runs of characters that need no escape are copied whole (the search index is megabytes). */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != '\u2028'
                    && c != '\u2029') {
                continue;
            }
            out.append(text, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        out.append(text, run, text.length()).append('"');
    }
}
