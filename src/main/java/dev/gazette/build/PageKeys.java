package dev.gazette.build;

import dev.gazette.syndication.Json;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The text of a page's template inputs, for its cache key: every component of every view record, every element
 * of every list and map, strings length-prefixed so no two different inputs print alike. Written out here
 * rather than through the records' {@code toString}, which on Java 17 formats each record with
 * {@code String.format} and was most of the time of a rebuild that renders nothing.
 */
final class PageKeys {

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    /** What a value stands for in a key; {@code append} may print some values shorter (cards by their keys). */
    @FunctionalInterface
    interface Shortcut {
        /** @return whether the value was printed */
        boolean append(Object value, StringBuilder out);
    }

    private static final Shortcut NONE = (value, out) -> false;

    private PageKeys() {
    }

    /** A collection in its own order, unless it is a set without one (Set.of): then sorted by how items print. */
    private static Iterable<?> ordered(Collection<?> items) {
        if (!(items instanceof java.util.Set) || items instanceof java.util.LinkedHashSet
                || items instanceof java.util.SortedSet || items.size() < 2) {
            return items;
        }
        List<Object> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(String::valueOf));
        return sorted;
    }

    static String text(Object value) {
        StringBuilder out = new StringBuilder(1024);
        append(value, out, NONE);
        return out.toString();
    }

    static void append(Object value, StringBuilder out, Shortcut shortcut) {
        if (value == null) {
            out.append('~');
        } else if (value instanceof String s) {
            out.append(s.length()).append('"').append(s);
        } else if (value instanceof ZonedDateTime time) {
            // what toString shows, without formatting it (four dates per article, on every page key)
            out.append("T:").append(time.toEpochSecond()).append('.').append(time.getNano())
                    .append(time.getOffset().getId()).append(time.getZone().getId());
        } else if (shortcut.append(value, out)) {
            return;
        } else if (value instanceof Record record) {
            out.append(record.getClass().getSimpleName()).append('(');
            for (Method accessor : ACCESSORS.get(record.getClass())) {
                try {
                    append(accessor.invoke(record), out, shortcut);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + accessor, e);
                }
                out.append(',');
            }
            out.append(')');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            for (Object item : ordered(items)) {
                append(item, out, shortcut);
                out.append(',');
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            for (Map.Entry<?, ?> entry : Json.entries(map)) {
                append(entry.getKey(), out, shortcut);
                out.append(':');
                append(entry.getValue(), out, shortcut);
                out.append(',');
            }
            out.append('}');
        } else {
            out.append(value.getClass().getSimpleName()).append(':').append(value);
        }
    }
}
