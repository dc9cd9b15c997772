package dev.gazette.source;

/**
 * Limits on a Markdown body that no article comes near but a broken or hostile file can: block quotes nested
 * more than {@value #MAX_QUOTE_DEPTH} deep, or a line indented more than {@value #MAX_INDENT} columns (a list
 * nested hundreds of levels). The Markdown parser recurses per level, and such a body made the build run out of
 * stack or run for minutes; it is refused with its line instead.
 */
final class MarkdownLimits {

    static final int MAX_QUOTE_DEPTH = 50;
    static final int MAX_INDENT = 400;

    private MarkdownLimits() {
    }

    /** @param firstLine the file line of the body's first line */
    static void check(String body, int firstLine) throws SourceException {
        int line = firstLine;
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            int indent = 0;
            int quotes = 0;
            for (int i = start; i < end; i++) {
                char c = body.charAt(i);
                if (c == ' ') {
                    indent++;
                } else if (c == '\t') {
                    indent += 4;
                } else if (c == '>') {
                    quotes++;
                } else {
                    break;
                }
                if (quotes > MAX_QUOTE_DEPTH) {
                    throw new SourceException(line, "block quotes nested more than " + MAX_QUOTE_DEPTH
                            + " deep; no article needs that many");
                }
                if (indent > MAX_INDENT && quotes == 0) {
                    throw new SourceException(line, "a line indented more than " + MAX_INDENT
                            + " columns (lists nested hundreds deep); no article needs that");
                }
            }
            start = end + 1;
            line++;
        }
    }
}
