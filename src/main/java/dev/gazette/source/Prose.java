package dev.gazette.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain paragraphs as Markdown that renders back to exactly that text: a line that starts with "1.", "#", "-"
 * or ">", underscores, asterisks as in "marked *", angle brackets and ampersands all stay literal characters.
 * Used for raw articles, and by import so that an imported file renders like the raw one.
 */
public final class Prose {

    /** Characters that are Markdown syntax anywhere in a line. */
    private static final String INLINE_SPECIALS = "\\`*_[]<>&~";
    /** A line start that Markdown would read as a block: lists, headings, quotes, rules, setext underlines. */
    private static final Pattern BLOCK_START = Pattern.compile("^([-+=#>]|\\d{1,9}[.)])");

    private Prose() {
    }

    /** Paragraphs, one per element, as Markdown paragraphs separated by blank lines. */
    public static String toMarkdown(List<String> paragraphs) {
        StringBuilder markdown = new StringBuilder();
        for (String paragraph : paragraphs) {
            if (markdown.length() > 0) {
                markdown.append("\n\n");
            }
            markdown.append(escape(paragraph.strip()));
        }
        return markdown.append('\n').toString();
    }

    static String escape(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        var start = BLOCK_START.matcher(line);
        int from = 0;
        if (start.find()) {
            String prefix = start.group();
            // "1." becomes "1\." and "#" becomes "\#": the same characters, no longer a list or heading
            out.append(prefix, 0, prefix.length() - 1).append('\\').append(prefix.charAt(prefix.length() - 1));
            from = prefix.length();
        }
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean dashRun = c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-';
            if (INLINE_SPECIALS.indexOf(c) >= 0 || dashRun) {
                // a run of hyphens stays hyphens, not a typographic dash
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
