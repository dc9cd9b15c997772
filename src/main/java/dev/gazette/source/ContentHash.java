package dev.gazette.source;

import java.util.HexFormat;

/**
 * A 128-bit digest of texts, as 32 hex digits, for telling whether content changed between builds. Not
 * cryptographic: two 64-bit multiply-rotate hashes over the characters, four at a time, finished with a strong mix;
 * it reads characters without encoding them (SHA-256 over every page's inputs took half of a rebuild).
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String... parts) {
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xC2B2AE3D27D4EB4FL;
        for (String part : parts) {
            // Four characters per step, from a copy of the characters: charAt's bounds checks per character
            // were most of the time of a rebuild's page keys.
            char[] chars = part.toCharArray();
            int i = 0;
            int n = chars.length;
            for (; i + 3 < n; i += 4) {
                long w = chars[i] | (long) chars[i + 1] << 16 | (long) chars[i + 2] << 32 | (long) chars[i + 3] << 48;
                a = Long.rotateLeft(a ^ w * 0x9E3779B97F4A7C15L, 31) * 0xC2B2AE3D27D4EB4FL;
                b = Long.rotateLeft(b + w * 0x165667B19E3779F9L, 27) * 0x9E3779B97F4A7C15L + a;
            }
            for (; i < n; i++) {
                long w = chars[i];
                a = Long.rotateLeft(a ^ w * 0x9E3779B97F4A7C15L, 31) * 0xC2B2AE3D27D4EB4FL;
                b = Long.rotateLeft(b + w * 0x165667B19E3779F9L, 27) * 0x9E3779B97F4A7C15L + a;
            }
            a = (a ^ n) * 0x9E3779B97F4A7C15L;
            b = Long.rotateLeft(b, 13) * 0xC2B2AE3D27D4EB4FL + n;
        }
        return HexFormat.of().toHexDigits(mix(a ^ (b >>> 17))) + HexFormat.of().toHexDigits(mix(b + a));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
