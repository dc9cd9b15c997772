package dev.gazette.templates;

import io.pebbletemplates.pebble.cache.CacheKey;
import io.pebbletemplates.pebble.cache.PebbleCache;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What {@code {% cache %}} blocks rendered, for one build, up to a budget of characters (a thirty-second of the
 * heap's bytes: 32 MB of a 1 GB heap, about 10,000 cards of French news): past it a block is rendered every time
 * instead of kept, so that a site of 100,000 articles does not hold all its cards. A block is rendered outside
 * the map's locks, so a cached block may hold another.
 */
final class BoundedTagCache implements PebbleCache<CacheKey, Object> {

    private final Map<CacheKey, Object> blocks = new ConcurrentHashMap<>();
    private final AtomicLong characters = new AtomicLong();
    private final long budget;

    BoundedTagCache() {
        this(Runtime.getRuntime().maxMemory() / 32 / 2);
    }

    /** @param budget the characters kept at most */
    BoundedTagCache(long budget) {
        this.budget = budget;
    }

    @Override
    public Object computeIfAbsent(CacheKey key, Function<? super CacheKey, ?> render) {
        Object rendered = blocks.get(key);
        if (rendered != null) {
            return rendered;
        }
        rendered = render.apply(key);
        int length = rendered instanceof String text ? text.length() : 64;
        if (rendered != null && characters.get() + length <= budget) {
            Object first = blocks.putIfAbsent(key, rendered);
            if (first != null) {
                return first;
            }
            characters.addAndGet(length);
        }
        return rendered;
    }

    @Override
    public void invalidateAll() {
        blocks.clear();
        characters.set(0);
    }
}
