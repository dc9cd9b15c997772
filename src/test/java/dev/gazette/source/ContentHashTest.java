package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void textsLongerThanOneChunkHashAsTheyDidWhole() {
        // build caches on disk hold these digests: reading the characters a chunk at a time must not change them
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 3, 4, 5, 4095, 4096, 4097, 8191, 12_289, 100_003}) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(10) == 0 ? (char) ('\u00e0' + random.nextInt(20)) : (char) ('a' + random.nextInt(26)));
            }
            String s = text.toString();
            assertEquals(whole(s, "tail"), ContentHash.of(s, "tail"), "length " + length);
        }
    }

    @Test
    void partsAreKeptApart() {
        assertNotEquals(ContentHash.of("ab", "c"), ContentHash.of("a", "bc"));
        assertEquals(32, ContentHash.of("x").length());
    }

    /** The digest over a copy of each whole text, as it was first written. */
    private static String whole(String... parts) {
        long a = 0x9E3779B97F4A7C15L;
        long b = 0xC2B2AE3D27D4EB4FL;
        for (String part : parts) {
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
