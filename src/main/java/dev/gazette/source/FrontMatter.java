package dev.gazette.source;

/**
 * Splits a Markdown file into its YAML front matter and its body. Front matter is the text between a first line
 * of {@code ---} and the next line of {@code ---} (or {@code ...}).
 *
 * @param yaml the front matter text, empty when the file has none
 * @param yamlLine the file line of the front matter's first line
 * @param body the Markdown after the front matter
 * @param bodyLine the file line of the body's first line
 */
public record FrontMatter(String yaml, int yamlLine, String body, int bodyLine) {

    /** @param text the file's text with {@code \n} line ends */
    public static FrontMatter split(String text) throws SourceException {
        if (text.startsWith("+++")) {
            throw new SourceException(1, "TOML front matter (+++) is not supported; write it as YAML between '---' lines");
        }
        if (!(text.startsWith("---\n") || text.equals("---") || text.startsWith("--- \n"))) {
            return new FrontMatter("", 1, text, 1);
        }
        int start = text.indexOf('\n') + 1;
        int line = 2;
        int position = start;
        while (position <= text.length() && start > 0) {
            int end = text.indexOf('\n', position);
            String current = end < 0 ? text.substring(position) : text.substring(position, end);
            String trimmed = current.stripTrailing();
            if (trimmed.equals("---") || trimmed.equals("...")) {
                String yaml = text.substring(start, position);
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatter(yaml, 2, body, line + 1);
            }
            if (end < 0) {
                break;
            }
            position = end + 1;
            line++;
        }
        throw new SourceException(1, "front matter starts with '---' but has no closing '---' line");
    }
}
