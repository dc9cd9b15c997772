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
        // a photo caption or credit left above the story by the scraper is not its headline
        while (next + 1 < nonEmpty.size() && isCaption(clean(lines.get(nonEmpty.get(next))))) {
            next++;
        }
        String first = clean(lines.get(nonEmpty.get(next)));
        String title;
        String titleMade = null;
        if (isHeadline(first)) {
            title = first;
            next++;
            if (next < nonEmpty.size() && clean(lines.get(nonEmpty.get(next))).equals(title)) {
                next++;
            }
        } else {
            // a body-only file: the first line is the story's first paragraph, kept as such
            title = firstSentence(first);
            titleMade = "the first line reads as a paragraph, not a headline (" + first.length() + " characters)";
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
        return new RawArticle(title, source, authors, paragraphs, stripped, firstBodyLine, titleMade);
    }

    private static final Pattern CAPTION = Pattern.compile("(?i)^(\\(?(photo|image|picture|file photo|foto|"
            + "credit)\\b.*|.*\\b(getty images|afp photo|reuters/|ap photo|epa-efe|shutterstock|photo credit)\\b.*)$");

    static boolean isCaption(String line) {
        return line.length() < 300 && CAPTION.matcher(line).matches();
    }

    /** A headline: not longer than 200 characters, and not several sentences or a long run of words. */
    static boolean isHeadline(String line) {
        if (line.length() > 200) {
            return false;
        }
        int sentences = line.split("(?<=[.!?])\\s+(?=\\p{Lu})").length;
        return sentences <= 2 && line.split("\\s+").length <= 30;
    }

    /** The first sentence of a paragraph, cut at a word boundary near 100 characters (with an ellipsis). */
    static String firstSentence(String paragraph) {
        Matcher end = Pattern.compile("[.!?](?=\\s+\\p{Lu}|$)").matcher(paragraph);
        String sentence = end.find() ? paragraph.substring(0, end.start() + 1) : paragraph;
        if (sentence.length() <= 110) {
            return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        }
        int cut = sentence.lastIndexOf(' ', 100);
        return sentence.substring(0, cut > 40 ? cut : 100).replaceAll("[,;:\\s]+$", "") + "…";
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
