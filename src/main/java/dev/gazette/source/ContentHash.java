package dev.gazette.source;

import java.util.HexFormat;

/**
 * A 128-bit digest of texts, as 32 hex digits, for telling whether content changed between builds. Not
 * cryptographic: two independent 64-bit multiplicative hashes over the characters, finished with a strong mix;
 * it reads strings in place, without encoding them (SHA-256 over every page's inputs took half of a rebuild).
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String... parts) {
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xC2B2AE3D27D4EB4FL;
        for (String part : parts) {
            for (int i = 0, n = part.length(); i < n; i++) {
                char c = part.charAt(i);
                a = (a ^ c) * 0x100000001B3L;
                b = (b + c) * 0x9E3779B97F4A7C15L + (b >>> 29);
            }
            a = (a ^ 0xFF) * 0x100000001B3L;
            b = b * 0x9E3779B97F4A7C15L + part.length();
        }
        return HexFormat.of().toHexDigits(mix(a ^ (b >>> 17))) + HexFormat.of().toHexDigits(mix(b + a));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
