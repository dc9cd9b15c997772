package dev.gazette.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognizes the site leftovers that trail scraped articles (comment forms, share widgets, lone punctuation),
 * from the built-in list in {@code boilerplate.txt} plus a site's own patterns. Immutable.
 */
public final class Boilerplate {

    /** A line without a single letter or digit: ".", "—", "* * *", "|". */
    private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]*");

    private final List<Pattern> patterns;

    private Boilerplate(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The built-in patterns and then the site's ({@code boilerplate:} in site.yaml, already validated). */
    public static Boilerplate withSitePatterns(List<String> sitePatterns) {
        List<Pattern> patterns = new ArrayList<>();
        for (String line : builtIn()) {
            patterns.add(compile(line));
        }
        for (String line : sitePatterns) {
            patterns.add(compile(line));
        }
        return new Boilerplate(patterns);
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public boolean matches(String line) {
        String trimmed = line.strip();
        if (NO_LETTERS.matcher(trimmed).matches()) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(trimmed).matches()) {
                return true;
            }
        }
        return false;
    }

    /** How many lines at the end of {@code lines} are boilerplate; stops at the first line that is not. */
    public int trailing(List<String> lines) {
        int count = 0;
        for (int i = lines.size() - 1; i >= 0 && matches(lines.get(i)); i--) {
            count++;
        }
        return count;
    }

    private static List<String> builtIn() {
        try (InputStream in = Boilerplate.class.getResourceAsStream("boilerplate.txt")) {
            if (in == null) {
                throw new IllegalStateException("boilerplate.txt is missing from the jar");
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
