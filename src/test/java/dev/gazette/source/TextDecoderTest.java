package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkAndLineEndsNormalized() throws SourceException {
        assertThat(TextDecoder.decode("Déjà vu\r\nlà\rici".getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo("Déjà vu\nlà\nici");
        byte[] bom = "\uFEFFÉté".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoder.decode(bom).text()).isEqualTo("Été");
    }

    @Test
    void aRealReplacementCharacterStaysUtf8ButMalformedBytesAreWindows1252() throws SourceException {
        TextDecoder.DecodedText replacement = TextDecoder.decode("a \uFFFD b".getBytes(StandardCharsets.UTF_8));
        assertThat(replacement.text()).isEqualTo("a \uFFFD b");
        assertThat(replacement.charset()).isEqualTo(StandardCharsets.UTF_8);

        TextDecoder.DecodedText legacy = TextDecoder.decode(bytes('c', 'a', 'f', 0xE9, ' ', 0x93, 'q', 0x94));
        assertThat(legacy.text()).isEqualTo("café “q”");
        assertThat(legacy.charset().name()).isEqualTo("windows-1252");
    }

    @Test
    void binaryIsRefused() {
        assertThatThrownBy(() -> TextDecoder.decode(bytes('a', 0, 'b'))).isInstanceOf(SourceException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> TextDecoder.decode(bytes('a', 1, 2, 3, 'b'))).isInstanceOf(SourceException.class)
                .hasMessageContaining("control characters");
    }
}
