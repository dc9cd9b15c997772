package dev.gazette.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of an article file to text with {@code \n} line ends. UTF-8 with or without a byte order mark, UTF-16 with
 * one; bytes that are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1 that scraped news copy often
 * comes in) rather than turned into replacement characters.
 */
public final class TextDecoder {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Text and the encoding it was read with. */
    public record DecodedText(String text, Charset charset) {
    }

    private TextDecoder() {
    }

    public static DecodedText decode(byte[] bytes) throws SourceException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return finish(strictly(StandardCharsets.UTF_8, bytes, 3), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return finish(strictly(StandardCharsets.UTF_16BE, bytes, 2), StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return finish(strictly(StandardCharsets.UTF_16LE, bytes, 2), StandardCharsets.UTF_16LE);
        }
        // Without a byte order mark: one pass over the bytes finds NULs and counts control characters (in UTF-8
        // and Windows-1252 alike they are single bytes), then the common case decodes at full speed.
        int controls = 0;
        for (byte b : bytes) {
            if (b >= 0 && b < 0x20) {
                if (b == 0) {
                    throw new SourceException(0, "not a text file (it contains NUL bytes); is it binary or UTF-16 without a byte order mark?");
                }
                if (b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                    controls++;
                }
            }
        }
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        if (utf8.indexOf('\uFFFD') >= 0) {
            // malformed bytes decode to U+FFFD, but so does a real U+FFFD: only the strict decoder can tell
            utf8 = strictly(StandardCharsets.UTF_8, bytes, 0);
        }
        if (utf8 != null) {
            return finish(utf8, StandardCharsets.UTF_8, controls);
        }
        return finish(new String(bytes, WINDOWS_1252), WINDOWS_1252, controls);
    }

    private static DecodedText finish(String text, Charset charset) throws SourceException {
        if (text == null) {
            throw new SourceException(0, "the bytes are not valid " + charset.name() + " although the file starts with its byte order mark");
        }
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return finish(text, charset, controls);
    }

    private static DecodedText finish(String text, Charset charset, int controls) throws SourceException {
        if (controls > 0 && controls * 100 > text.length()) {
            throw new SourceException(0, "not a text file (" + controls + " control characters); is it binary?");
        }
        return new DecodedText(normalizeLineEnds(text), charset);
    }

    /** CRLF and lone CR become LF, so line numbers and paragraph splitting see one kind of line end. */
    public static String normalizeLineEnds(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String strictly(Charset charset, byte[] bytes, int offset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
