package dev.gazette.config;

import dev.gazette.problem.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the decoded keys of site.yaml into a {@link SiteConfig}, reporting every bad value with its line
 * and keeping the default for it, so one typo does not hide the others.
 */
public final class SiteConfigReader {

    private static final Set<String> KNOWN_KEYS = Set.of("title", "description", "base_url", "language",
            "timezone", "permalink", "pagination", "term_pagination", "taxonomies", "unsafe_html", "boilerplate", "detect_languages",
            "feed_size", "feed_content", "term_feed_content", "term_feeds", "logo", "typography", "languages",
            "follow_external_symlinks");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final Map<String, Object> values;
    private final Map<String, Integer> lines;
    private final Path file;
    private final Problems problems;

    private SiteConfigReader(Map<String, Object> values, Map<String, Integer> lines, Path file, Problems problems) {
        this.values = values;
        this.lines = lines;
        this.file = file;
        this.problems = problems;
    }

    /**
     * @param values top-level keys of site.yaml, decoded
     * @param lines the line of each top-level key
     * @param file site.yaml, for problem messages
     */
    public static SiteConfig read(Map<String, Object> values, Map<String, Integer> lines, Path file, Problems problems) {
        return new SiteConfigReader(values, lines, file, problems).read();
    }

    private SiteConfig read() {
        SiteConfig d = SiteConfig.defaults();
        for (String key : values.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                problems.warning(file, line(key), "unknown key '" + key + "' is ignored (see docs/configuration.md)");
            }
        }
        String title = string("title", d.title());
        String description = string("description", d.description());
        String baseUrl = baseUrl(d.baseUrl());
        String language = language(d.language());
        ZoneId timezone = timezone(d.timezone());
        String permalink = permalink(d.permalink());
        int pageSize = positiveInt("pagination", d.pageSize());
        int termPageSize = termPageSize(pageSize);
        List<String> taxonomies = taxonomies(d.taxonomies());
        boolean unsafeHtml = bool("unsafe_html", d.unsafeHtml());
        List<String> boilerplate = patterns("boilerplate");
        List<String> detect = languages("detect_languages", d.detectLanguages());
        int feedSize = positiveInt("feed_size", d.feedSize());
        boolean feedFull = fullOrSummary("feed_content", true);
        boolean termFeedFull = fullOrSummary("term_feed_content", false);
        List<String> termFeeds = feedFormats("term_feeds", SiteConfig.DEFAULT_TERM_FEEDS);
        String logo = string("logo", null);
        return new SiteConfig(title, description, baseUrl, language, timezone, permalink, pageSize, termPageSize,
                taxonomies,
                unsafeHtml, boilerplate, detect, feedSize, feedFull, termFeedFull, termFeeds, logo == null || logo.isBlank() ? null : logo,
                bool("typography", d.typography()), languages("languages", List.of()),
                bool("follow_external_symlinks", d.followExternalSymlinks()));
    }

    private int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    private void bad(String key, String message) {
        problems.error(file, line(key), key + ": " + message);
    }

    private String string(String key, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            bad(key, "expected text, found " + (value instanceof Map ? "a mapping" : "a list"));
            return fallback;
        }
        return value.toString().strip();
    }

    private String baseUrl(String fallback) {
        String url = string("base_url", fallback);
        if (url.isEmpty()) {
            return fallback;
        }
        if (url.startsWith("/")) {
            return url;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
                bad("base_url", "expected an absolute http(s) URL such as https://news.example.org/, found '" + url + "'");
                return fallback;
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                bad("base_url", "must not have a query or fragment: '" + url + "'");
                return fallback;
            }
            return url;
        } catch (URISyntaxException e) {
            bad("base_url", "not a valid URL: " + e.getMessage());
            return fallback;
        }
    }

    private String language(String fallback) {
        String language = string("language", fallback);
        if (!LANGUAGE.matcher(language).matches()) {
            bad("language", "expected a language tag such as en, fr or pt-BR, found '" + language + "'");
            return fallback;
        }
        return language;
    }

    private ZoneId timezone(ZoneId fallback) {
        String zone = string("timezone", null);
        if (zone == null) {
            return fallback;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            bad("timezone", "unknown time zone '" + zone + "'; use a name such as Europe/Paris or UTC");
            return fallback;
        }
    }

    private String permalink(String fallback) {
        String pattern = string("permalink", fallback);
        if (!pattern.startsWith("/") || !pattern.endsWith("/")) {
            bad("permalink", "must start and end with '/', found '" + pattern + "'");
            return fallback;
        }
        if (leavesItsFolder(pattern)) {
            bad("permalink", "'" + pattern + "' would put pages outside the output folder; write it without '.', "
                    + "'..', '\\' or '%' (for example /:year/:month/:slug/)");
            return fallback;
        }
        if (!pattern.contains(":slug") && !pattern.contains(":filename")) {
            bad("permalink", "must contain :slug or :filename so that every article gets its own URL");
            return fallback;
        }
        var unknown = Pattern.compile(":([a-z]+)").matcher(pattern).results()
                .map(m -> m.group(1))
                .filter(token -> !Set.of("year", "month", "day", "slug", "section", "filename").contains(token))
                .toList();
        if (!unknown.isEmpty()) {
            bad("permalink", "unknown token :" + unknown.get(0) + " (known: :year :month :day :slug :section :filename)");
            return fallback;
        }
        return pattern;
    }

    /** Whether a URL pattern has a "." or ".." segment, a backslash or an escape that could hide one. */
    static boolean leavesItsFolder(String pattern) {
        if (pattern.indexOf('\\') >= 0 || pattern.indexOf('%') >= 0 || pattern.indexOf('\0') >= 0) {
            return true;
        }
        for (String segment : pattern.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private boolean fullOrSummary(String key, boolean fallback) {
        String value = string(key, fallback ? "full" : "summary");
        if (!value.equals("full") && !value.equals("summary")) {
            bad(key, "expected full or summary, found '" + value + "'");
            return fallback;
        }
        return value.equals("full");
    }

    private int positiveInt(String key, int fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.longValue() >= 1 && n.longValue() <= 10_000 && n.doubleValue() == n.longValue()) {
            return n.intValue();
        }
        bad(key, "expected a whole number from 1 to 10000, found '" + value + "'");
        return fallback;
    }

    /** {@code term_pagination}: a page size, or {@code all} for one page per term; the front page's when absent. */
    private int termPageSize(int pageSize) {
        if ("all".equals(values.get("term_pagination"))) {
            return SiteConfig.ALL;
        }
        if (values.get("term_pagination") instanceof String) {
            bad("term_pagination", "expected a whole number from 1 to 10000 or 'all', found '"
                    + values.get("term_pagination") + "'");
            return pageSize;
        }
        return positiveInt("term_pagination", pageSize);
    }

    private boolean bool(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        bad(key, "expected true or false, found '" + value + "'");
        return fallback;
    }

    private List<String> strings(String key, List<String> fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof List<?> list)) {
            bad(key, "expected a list");
            return fallback;
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (item == null || item instanceof Map || item instanceof List) {
                bad(key, "expected a list of text values");
                return fallback;
            }
            result.add(item.toString().strip());
        }
        return result;
    }

    private List<String> taxonomies(List<String> fallback) {
        List<String> names = strings("taxonomies", fallback);
        for (String name : names) {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                bad("taxonomies", "taxonomy names are lower-case front matter fields such as tags, found '" + name + "'");
                return fallback;
            }
        }
        return names.stream().distinct().toList();
    }

    private List<String> patterns(String key) {
        List<String> patterns = strings(key, List.of());
        for (String pattern : patterns) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                bad(key, "not a valid regular expression: '" + pattern + "' (" + e.getDescription() + ")");
                return List.of();
            }
        }
        return patterns;
    }

    /** A list of feed formats (rss, atom, json); an empty list is allowed (no such feeds). */
    private List<String> feedFormats(String key, List<String> fallback) {
        List<String> formats = strings(key, fallback).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (String format : formats) {
            if (!SiteConfig.FEED_FORMATS.contains(format)) {
                bad(key, "expected feed formats among rss, atom and json, found '" + format + "'");
                return fallback;
            }
        }
        return formats;
    }

    private List<String> languages(String key, List<String> fallback) {
        List<String> languages = strings(key, fallback).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                bad(key, "expected language codes such as en or fr, found '" + language + "'");
                return fallback;
            }
        }
        return languages.isEmpty() ? fallback : languages;
    }
}
