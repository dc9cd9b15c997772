package dev.gazette.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells apart the parts of an article scraped from a news site: title (often repeated), a source line such as
 * "CNN" or a byline, paragraphs, and the site's leftovers at the end. Pure text in, {@link RawArticle} out.
 */
public final class RawArticleParser {

    /** "By Jane Doe", "Par Claire Fontaine", "Von Jonas Keller", "Por Lucía Serrano and Karim Haddad". */
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:by|par|von|por|di|door|de)\\s+(\\p{Lu}[\\p{L}.'’ -]+?(?:(?:,|\\s+(?:and|et|und|y|e|en))\\s+\\p{Lu}[\\p{L}.'’ -]+?)*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*(?:,|\\s(?:and|et|und|y|e|en)\\s)\\s*");
    private static final int SOURCE_MAX_WORDS = 4;
    private static final int SOURCE_MAX_CHARS = 40;

    private final Boilerplate boilerplate;

    public RawArticleParser(Boilerplate boilerplate) {
        this.boilerplate = boilerplate;
    }

    /** @param text the file's text with {@code \n} line ends */
    public RawArticle parse(String text) throws SourceException {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        List<Integer> nonEmpty = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!clean(lines.get(i)).isEmpty()) {
                nonEmpty.add(i);
            }
        }
        if (nonEmpty.isEmpty()) {
            throw new SourceException(0, "the file is empty: a raw article needs a title line and paragraphs");
        }
        int next = 0;
        String title = clean(lines.get(nonEmpty.get(next++)));
        if (next < nonEmpty.size() && clean(lines.get(nonEmpty.get(next))).equals(title)) {
            next++;
        }
        String source = null;
        List<String> authors = new ArrayList<>();
        // A source line and a byline may follow the title, in either order; each only once, and only when
        // paragraphs follow them (a short last line is the end of the article, not its source).
        for (int tries = 0; tries < 2 && next + 1 < nonEmpty.size(); tries++) {
            String line = clean(lines.get(nonEmpty.get(next)));
            Matcher byline = BYLINE.matcher(line);
            if (authors.isEmpty() && byline.matches() && line.split("\\s+").length <= 10) {
                for (String name : AUTHOR_SEPARATOR.split(byline.group(1).strip())) {
                    if (!name.isBlank()) {
                        authors.add(name.strip());
                    }
                }
                next++;
            } else if (source == null && isSourceLine(line)) {
                source = line;
                next++;
            } else {
                break;
            }
        }
        List<String> body = new ArrayList<>();
        int firstBodyLine = next < nonEmpty.size() ? nonEmpty.get(next) + 1 : 0;
        for (int i = next; i < nonEmpty.size(); i++) {
            body.add(clean(lines.get(nonEmpty.get(i))));
        }
        int trailing = boilerplate.trailing(body);
        List<String> stripped = List.copyOf(body.subList(body.size() - trailing, body.size()));
        List<String> paragraphs = List.copyOf(body.subList(0, body.size() - trailing));
        if (paragraphs.isEmpty()) {
            throw new SourceException(0, stripped.isEmpty()
                    ? "no article text after the title '" + title + "'"
                    : "nothing but site boilerplate after the title '" + title + "' (" + stripped.size() + " lines)");
        }
        return new RawArticle(title, source, authors, paragraphs, stripped, firstBodyLine);
    }

    /** A short name on a line of its own: one to four words, no sentence punctuation, not a number. */
    static boolean isSourceLine(String line) {
        if (line.length() > SOURCE_MAX_CHARS || line.contains("://")) {
            return false;
        }
        String[] words = line.split("\\s+");
        if (words.length > SOURCE_MAX_WORDS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (".!?:;,…\"”»".indexOf(last) >= 0) {
            return false;
        }
        return line.codePoints().anyMatch(Character::isLetter);
    }

    /** The line without surrounding white space, no-break spaces and zero-width characters included. */
    private static String clean(String line) {
        return line.replace("\u200B", "").replace("\uFEFF", "").strip();
    }
}
