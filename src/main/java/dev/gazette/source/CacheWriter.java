package dev.gazette.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a binary cache file into memory, then into place in one move ({@link #saveAs}): a build stopped half-way
 * leaves the previous file, never half a file. Counts and text lengths take seven bits a byte (most are under
 * 128); text is UTF-8. Shared by the source cache and the build cache; {@link CacheReader} reads it back.
 */
public final class CacheWriter {

    private byte[] bytes = new byte[1 << 16];
    private int size;

    public CacheWriter writeByte(int value) {
        room(1);
        bytes[size++] = (byte) value;
        return this;
    }

    public CacheWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    /** A non-negative int in as few bytes as it needs. */
    public CacheWriter writeCount(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative count " + value);
        }
        while (value >= 0x80) {
            writeByte(value & 0x7f | 0x80);
            value >>>= 7;
        }
        return writeByte(value);
    }

    public CacheWriter writeInt(int value) {
        room(4);
        bytes[size] = (byte) (value >>> 24);
        bytes[size + 1] = (byte) (value >>> 16);
        bytes[size + 2] = (byte) (value >>> 8);
        bytes[size + 3] = (byte) value;
        size += 4;
        return this;
    }

    public CacheWriter writeLong(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    public CacheWriter writeDouble(double value) {
        return writeLong(Double.doubleToRawLongBits(value));
    }

    public CacheWriter writeText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeCount(utf8.length);
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
    }

    public CacheWriter writeTexts(List<String> texts) {
        writeCount(texts.size());
        for (String text : texts) {
            writeText(text);
        }
        return this;
    }

    /** Writes what was written so far to {@code file} through a temporary file beside it and one move. */
    public void saveAs(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(bytes, 0, size);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void room(int count) {
        if (bytes.length - size < count) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + count));
        }
    }
}
