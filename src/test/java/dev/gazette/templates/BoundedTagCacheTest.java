package dev.gazette.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedTagCacheTest {

    private static String render(PebbleEngine engine, String key, String value) throws IOException {
        StringWriter out = new StringWriter();
        engine.getTemplate("{% cache key %}[{{ value }}]{% endcache %}").evaluate(out, Map.of("key", key, "value", value));
        return out.toString();
    }

    private static PebbleEngine engine(BoundedTagCache cache) {
        return new PebbleEngine.Builder().loader(new StringLoader()).tagCache(cache).build();
    }

    @Test
    void aBlockIsRenderedOncePerKeyUntilTheBudgetIsSpentThenEveryTime() throws IOException {
        PebbleEngine engine = engine(new BoundedTagCache(6));
        assertThat(render(engine, "a", "one")).isEqualTo("[one]");
        assertThat(render(engine, "a", "two")).isEqualTo("[one]"); // kept: 5 of 6 characters
        assertThat(render(engine, "b", "three")).isEqualTo("[three]");
        assertThat(render(engine, "b", "four")).isEqualTo("[four]"); // over the budget: not kept
        assertThat(render(engine, "a", "five")).isEqualTo("[one]");
    }

    @Test
    void aNewBuildRendersItsOwnBlocks() throws IOException {
        BoundedTagCache cache = new BoundedTagCache(1000);
        PebbleEngine engine = engine(cache);
        assertThat(render(engine, "a", "one")).isEqualTo("[one]");
        cache.invalidateAll();
        assertThat(render(engine, "a", "two")).isEqualTo("[two]");
        assertThat(render(engine, "a", "three")).isEqualTo("[two]");
    }
}
