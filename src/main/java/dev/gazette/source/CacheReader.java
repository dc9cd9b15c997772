package dev.gazette.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a binary cache file written by {@link CacheWriter}, from its bytes in memory. The whole file is read at
 * once: reading it through a {@code DataInputStream}, byte by synchronized byte, was most of a rebuild's time
 * spent on its caches. A file cut short or otherwise corrupt throws {@link IOException}, and the caller treats
 * the cache as missing.
 */
public final class CacheReader {

    private final byte[] bytes;
    private int at;

    private CacheReader(byte[] bytes) {
        this.bytes = bytes;
    }

    public static CacheReader of(Path file) throws IOException {
        return new CacheReader(Files.readAllBytes(file));
    }

    public boolean atEnd() {
        return at == bytes.length;
    }

    public int readByte() throws IOException {
        need(1);
        return bytes[at++];
    }

    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    /** A non-negative int, as {@link CacheWriter#writeCount} wrote it (seven bits a byte). */
    public int readCount() throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = readByte();
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                if (value < 0) {
                    break;
                }
                return value;
            }
        }
        throw new IOException("corrupt cache file: bad count at byte " + at);
    }

    public int readInt() throws IOException {
        need(4);
        int value = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
        at += 4;
        return value;
    }

    public long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    public String readText() throws IOException {
        int length = readCount();
        need(length);
        String text = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        return text;
    }

    public List<String> readTexts() throws IOException {
        int count = readCount();
        List<String> texts = new ArrayList<>(Math.min(count, bytes.length - at));
        for (int i = 0; i < count; i++) {
            texts.add(readText());
        }
        return texts;
    }

    private void need(int count) throws IOException {
        if (count < 0 || count > bytes.length - at) {
            throw new IOException("corrupt cache file: cut short at byte " + at);
        }
    }
}
