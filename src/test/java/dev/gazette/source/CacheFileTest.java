package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFileTest {

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBack() throws IOException {
        String long70k = "é".repeat(70_000);
        new CacheWriter().writeByte(-3).writeBoolean(true).writeCount(0).writeCount(127).writeCount(128)
                .writeCount(Integer.MAX_VALUE).writeInt(-1).writeLong(Long.MIN_VALUE).writeDouble(2.5)
                .writeText("").writeText("Élysée « 東京 » \uD83D\uDCF0").writeText(long70k)
                .writeTexts(List.of("a", "bé", "")).saveAs(dir.resolve("sub/cache.bin"));
        CacheReader in = CacheReader.of(dir.resolve("sub/cache.bin"));
        assertThat(in.readByte()).isEqualTo(-3);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readCount()).isZero();
        assertThat(in.readCount()).isEqualTo(127);
        assertThat(in.readCount()).isEqualTo(128);
        assertThat(in.readCount()).isEqualTo(Integer.MAX_VALUE);
        assertThat(in.readInt()).isEqualTo(-1);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.readDouble()).isEqualTo(2.5);
        assertThat(in.readText()).isEmpty();
        assertThat(in.readText()).isEqualTo("Élysée « 東京 » \uD83D\uDCF0");
        assertThat(in.readText()).isEqualTo(long70k);
        assertThat(in.readTexts()).containsExactly("a", "bé", "");
        assertThat(in.atEnd()).isTrue();
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cache.bin"); // no temporary left
        }
    }

    @Test
    void aFileCutShortIsAnErrorNotGarbage() throws IOException {
        new CacheWriter().writeText("a text long enough to cut").writeInt(7).saveAs(dir.resolve("c.bin"));
        byte[] whole = Files.readAllBytes(dir.resolve("c.bin"));
        for (int length = 0; length < whole.length; length++) {
            Files.write(dir.resolve("cut.bin"), Arrays.copyOf(whole, length));
            CacheReader in = CacheReader.of(dir.resolve("cut.bin"));
            assertThatThrownBy(() -> {
                in.readText();
                in.readInt();
            }).as("cut at %d", length).isInstanceOf(IOException.class).hasMessageContaining("corrupt cache file");
        }
    }

    @Test
    void aCountOfMoreThanFiveBytesIsAnError() throws IOException {
        Files.write(dir.resolve("bad.bin"), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1});
        assertThatThrownBy(() -> CacheReader.of(dir.resolve("bad.bin")).readCount()).isInstanceOf(IOException.class);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new CacheWriter().writeCount(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
