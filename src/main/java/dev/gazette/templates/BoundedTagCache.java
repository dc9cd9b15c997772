package dev.gazette.templates;

import io.pebbletemplates.pebble.cache.CacheKey;
import io.pebbletemplates.pebble.cache.PebbleCache;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What {@code {% cache %}} blocks rendered, for one build: up to a number of blocks, after which a block is
 * rendered every time instead of kept (a site of 100,000 articles would otherwise keep every card it shows).
 * A block is rendered outside the map's locks, so a cached block may hold another.
 */
final class BoundedTagCache implements PebbleCache<CacheKey, Object> {

    /** About 30 MB of cards at most. */
    static final int MAX_BLOCKS = 20_000;

    private final Map<CacheKey, Object> blocks = new ConcurrentHashMap<>();

    @Override
    public Object computeIfAbsent(CacheKey key, Function<? super CacheKey, ?> render) {
        Object rendered = blocks.get(key);
        if (rendered != null) {
            return rendered;
        }
        rendered = render.apply(key);
        if (rendered != null && blocks.size() < MAX_BLOCKS) {
            Object first = blocks.putIfAbsent(key, rendered);
            return first != null ? first : rendered;
        }
        return rendered;
    }

    @Override
    public void invalidateAll() {
        blocks.clear();
    }
}
