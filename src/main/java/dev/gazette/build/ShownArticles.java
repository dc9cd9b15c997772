package dev.gazette.build;

import dev.gazette.content.Article;
import dev.gazette.source.ContentHash;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The articles a list page or feed shows, for its digests: each article's digest and body key made into a
 * 128-bit number once, and a page's articles folded in order, instead of 64 characters per article printed
 * and hashed again on each of the 3,000 list pages and 500 feeds that show it.
 */
final class ShownArticles {

    private final Map<String, String> digests;
    private final Map<String, String> bodyKeys;
    private final Map<String, long[]> withFields = new ConcurrentHashMap<>();
    private final Map<String, long[]> bodiesOnly = new ConcurrentHashMap<>();

    /** @param digests and {@code bodyKeys}: by URL, as {@link ContentHash} gives them, for every article shown */
    ShownArticles(Map<String, String> digests, Map<String, String> bodyKeys) {
        this.digests = digests;
        this.bodyKeys = bodyKeys;
    }

    /** Appends what the articles are (what each is read from, and its body), in their order. */
    void fields(StringBuilder out, List<Article> shown) {
        fold(out, shown, withFields, true);
    }

    /** Appends what the articles' bodies are, in their order. */
    void bodies(StringBuilder out, List<Article> shown) {
        fold(out, shown, bodiesOnly, false);
    }

    private void fold(StringBuilder out, List<Article> shown, Map<String, long[]> tokens, boolean fields) {
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xC2B2AE3D27D4EB4FL;
        for (Article article : shown) {
            long[] token = tokens.computeIfAbsent(article.url(), url -> token(fields
                    ? ContentHash.of(digests.get(url), bodyKeys.get(url)) : bodyKeys.get(url)));
            a = Long.rotateLeft((a ^ token[0]) * 0x9E3779B97F4A7C15L, 31);
            b = Long.rotateLeft((b ^ token[1]) * 0xC2B2AE3D27D4EB4FL, 27) + a;
        }
        out.append('[').append(shown.size()).append(':').append(Long.toHexString(a)).append(':')
                .append(Long.toHexString(b)).append(']');
    }

    /** The two halves of a 32-hex-digit digest. */
    private static long[] token(String digest) {
        return new long[] {Long.parseUnsignedLong(digest, 0, 16, 16), Long.parseUnsignedLong(digest, 16, 32, 16)};
    }
}
