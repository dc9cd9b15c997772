package dev.gazette.source;

/**
 * Splits a Markdown file into its front matter and its body, in the three forms Hugo reads: YAML between a first
 * line of {@code ---} and the next {@code ---} (or {@code ...}) line, TOML between {@code +++} lines, and a JSON
 * object that opens the file ({@code {} on the first line, up to its closing brace).
 *
 * @param format the front matter's language
 * @param text the front matter text, empty when the file has none
 * @param textLine the file line of the front matter's first line
 * @param body the Markdown after the front matter
 * @param bodyLine the file line of the body's first line
 */
public record FrontMatter(Format format, String text, int textLine, String body, int bodyLine) {

    /** The language front matter is written in. */
    public enum Format { YAML, TOML, JSON }

    /** @param text the file's text with {@code \n} line ends */
    public static FrontMatter split(String text) throws SourceException {
        if (opensWith(text, "---")) {
            return fenced(text, Format.YAML, "---", "...");
        }
        if (opensWith(text, "+++")) {
            return fenced(text, Format.TOML, "+++", null);
        }
        if (text.startsWith("{")) {
            return json(text);
        }
        return new FrontMatter(Format.YAML, "", 1, text, 1);
    }

    /** The fields of this front matter. */
    public YamlMap fields() throws SourceException {
        if (text.isBlank()) {
            return YamlMap.EMPTY;
        }
        return switch (format) {
            case YAML, JSON -> YamlReader.read(text, textLine); // a JSON object is YAML
            case TOML -> TomlReader.read(text, textLine);
        };
    }

    private static boolean opensWith(String text, String fence) {
        return text.startsWith(fence + "\n") || text.equals(fence) || text.startsWith(fence + " \n");
    }

    private static FrontMatter fenced(String text, Format format, String fence, String alternative)
            throws SourceException {
        int start = text.indexOf('\n') + 1;
        int line = 2;
        int position = start;
        while (position <= text.length() && start > 0) {
            int end = text.indexOf('\n', position);
            // the line without trailing white space, compared in place (no string per front matter line)
            int last = end < 0 ? text.length() : end;
            while (last > position && Character.isWhitespace(text.charAt(last - 1))) {
                last--;
            }
            if (isLine(text, position, last, fence) || alternative != null && isLine(text, position, last, alternative)) {
                String front = text.substring(start, position);
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatter(format, front, 2, body, line + 1);
            }
            if (end < 0) {
                break;
            }
            position = end + 1;
            line++;
        }
        throw new SourceException(1, "front matter starts with '" + fence + "' but has no closing '" + fence
                + "' line");
    }

    private static boolean isLine(String text, int from, int to, String line) {
        return to - from == line.length() && text.startsWith(line, from);
    }

    /** A JSON object at the top of the file, up to its matching closing brace (braces in strings do not count). */
    private static FrontMatter json(String text) throws SourceException {
        int depth = 0;
        boolean inString = false;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines++;
            }
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                int bodyStart = text.indexOf('\n', i);
                String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
                return new FrontMatter(Format.JSON, text.substring(0, i + 1), 1, body, lines + 1);
            }
        }
        throw new SourceException(1, "the file starts with '{' (JSON front matter) but the object is never closed");
    }
}
