package dev.gazette.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo shortcodes and Jekyll's Liquid tags in Markdown moved over from those generators, turned into Markdown
 * before it is rendered: the common ones become what they show (a YouTube or Vimeo shortcode a link to the video,
 * {@code figure} a figure, {@code highlight} a fenced code block kept verbatim, {@code ref}, {@code relref},
 * {@code link} and {@code post_url} the URL of the article they name, {@code site.baseurl} and
 * {@code relative_url} the site's paths); any other is left visible as written, escaped so that neither the
 * sanitizer nor typography touches it, with a warning naming its line. Nothing inside fenced code or code spans
 * is touched. Hugo's escaped form {@code {{</* x * /> }}} shows the shortcode itself.
 */
public final class Shortcodes {

    /** What a shortcode needs from the site. */
    public interface Site {
        /** The URL of the article a Hugo ref, a Jekyll link or a post_url names, if there is one. */
        Optional<String> articleUrl(String reference);

        /** The site's base path, "/" or "/news/". */
        String basePath();

        /** The absolute form of a site path (the path itself when the site has no absolute base URL). */
        String absoluteUrl(String sitePath);

        /** The text of a Jekyll include (a file of the site's _includes/ folder), if there is one. */
        Optional<String> include(String name);
    }

    /** A problem found while expanding, on a line of the text (1-based). */
    public record Warning(int line, String message) {
    }

    /** The Markdown with its shortcodes expanded, and what was found wrong. */
    public record Expanded(String markdown, List<Warning> warnings) {
        public Expanded {
            warnings = List.copyOf(warnings);
        }
    }

    private static final Pattern ARG = Pattern.compile(
            "\\s*(?:([A-Za-z_][\\w-]*)\\s*=\\s*)?(?:\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|'([^']*)'|([^\\s\"'`]+))");

    private Shortcodes() {
    }

    /** Whether the text may hold a shortcode or a Liquid tag at all (most articles do not: they are not scanned). */
    public static boolean present(String markdown) {
        return markdown.contains("{{") || markdown.contains("{%") || markdown.contains("{:");
    }

    public static Expanded expand(String markdown, Site site) {
        if (!present(markdown)) {
            return new Expanded(markdown, List.of());
        }
        return new Expansion(markdown, site).run();
    }

    /** One text's expansion: a single pass that skips fenced code and code spans. */
    private static final class Expansion {
        private final String text;
        private final Site site;
        private final StringBuilder out = new StringBuilder();
        private final List<Warning> warnings = new ArrayList<>();
        private int i;
        private int line = 1;
        private int lineCountedTo;

        Expansion(String text, Site site) {
            this.text = text;
            this.site = site;
        }

        Expanded run() {
            String fence = null;
            while (i < text.length()) {
                if (i == 0 || text.charAt(i - 1) == '\n') {
                    String opened = fenceAt(i);
                    if (fence == null && opened != null) {
                        fence = opened;
                        copyLine();
                        continue;
                    }
                    if (fence != null) {
                        if (opened != null && opened.charAt(0) == fence.charAt(0) && opened.length() >= fence.length()
                                && restOfLineBlank(i, opened)) {
                            fence = null;
                        }
                        copyLine();
                        continue;
                    }
                }
                char c = text.charAt(i);
                if (c == '`') {
                    codeSpan();
                } else if (text.startsWith("{{<", i) || text.startsWith("{{%", i)) {
                    hugo();
                } else if (text.startsWith("{:", i) && kramdownAttributes()) {
                    continue;
                } else if (text.startsWith("{%", i)) {
                    liquidTag();
                } else if (text.startsWith("{{", i)) {
                    liquidOutput();
                } else {
                    out.append(c);
                    i++;
                }
            }
            return new Expanded(out.toString(), warnings);
        }

        // ---- scanning ----

        private String fenceAt(int at) {
            int p = at;
            while (p < text.length() && p - at < 3 && text.charAt(p) == ' ') {
                p++;
            }
            if (p >= text.length() || (text.charAt(p) != '`' && text.charAt(p) != '~')) {
                return null;
            }
            char f = text.charAt(p);
            int n = 0;
            while (p + n < text.length() && text.charAt(p + n) == f) {
                n++;
            }
            return n >= 3 ? String.valueOf(f).repeat(n) : null;
        }

        private boolean restOfLineBlank(int at, String fence) {
            int start = text.indexOf(fence, at) + fence.length();
            int end = text.indexOf('\n', start);
            return text.substring(start, end < 0 ? text.length() : end).isBlank();
        }

        private void copyLine() {
            int end = text.indexOf('\n', i);
            end = end < 0 ? text.length() : end + 1;
            out.append(text, i, end);
            i = end;
        }

        private void codeSpan() {
            int n = 0;
            while (i + n < text.length() && text.charAt(i + n) == '`') {
                n++;
            }
            String run = "`".repeat(n);
            int close = text.indexOf(run, i + n);
            // a code span ends at a run of the same length, within its paragraph
            int paragraphEnd = text.indexOf("\n\n", i);
            if (close < 0 || (paragraphEnd >= 0 && close > paragraphEnd)) {
                out.append(run);
                i += n;
                return;
            }
            out.append(text, i, close + n);
            i = close + n;
        }

        private int lineAt(int position) {
            for (int p = lineCountedTo; p < position; p++) {
                if (text.charAt(p) == '\n') {
                    line++;
                }
            }
            lineCountedTo = Math.max(lineCountedTo, position);
            return line;
        }

        private void warn(int at, String message) {
            warnings.add(new Warning(lineAt(at), message));
        }

        /**
         * Kramdown's attribute lists ({@code {: .message }} after a paragraph, {@code {:toc}}), which Jekyll
         * sites carry: class names and options for Jekyll's Markdown, nothing a reader should see. Dropped when
         * the line ends with one; whether it was.
         */
        private boolean kramdownAttributes() {
            int close = text.indexOf('}', i);
            int lineEnd = text.indexOf('\n', i);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (close < 0 || close > lineEnd || !text.substring(close + 1, lineEnd).isBlank()) {
                return false;
            }
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            i = close + 1;
            return true;
        }

        // ---- Hugo ----

        private void hugo() {
            int start = i;
            char kind = text.charAt(i + 2); // '<' or '%'
            String closer = (kind == '<' ? ">" : "%") + "}}";
            boolean escaped = text.startsWith("/*", i + 3);
            int end = text.indexOf(escaped ? "*/" + closer : closer, escaped ? i + 5 : i + 3);
            if (end < 0) {
                out.append(visible(text.substring(i, i + 3)));
                i += 3;
                return;
            }
            if (escaped) {
                // {{</* figure */>}}: the shortcode as text
                out.append(visible("{{" + kind + text.substring(i + 5, end) + closer));
                i = end + 2 + closer.length();
                return;
            }
            String inner = text.substring(i + 3, end).strip();
            i = end + closer.length();
            Tag tag = Tag.parse(inner);
            switch (tag.name) {
                case "youtube", "youtube_simple" -> link(tag, "id", 0, "Video on YouTube", "https://www.youtube.com/watch?v=");
                case "vimeo", "vimeo_simple" -> link(tag, "id", 0, "Video on Vimeo", "https://vimeo.com/");
                case "instagram", "instagram_simple" -> link(tag, "id", 0, "Post on Instagram", "https://www.instagram.com/p/");
                case "x", "tweet", "twitter", "twitter_simple" -> post(tag, start);
                case "gist" -> gist(tag, start);
                case "figure" -> figure(tag, start);
                case "highlight" -> highlight(tag.arg("lang", 0), start, "{{" + kind + " /highlight " + closer,
                        Pattern.compile("\\{\\{[<%]\\s*/highlight\\s*[>%]\\}\\}"));
                case "ref", "relref" -> reference(tag.arg("path", 0), start);
                default -> {
                    out.append(visible(text.substring(start, i)));
                    if (!tag.closing) {
                        warn(start, "unknown shortcode '" + tag.name + "' is left as text (Gazette renders youtube, "
                                + "vimeo, x/tweet, instagram, gist, figure, highlight, ref and relref)");
                    }
                }
            }
        }

        private void link(Tag tag, String key, int position, String text, String prefix) {
            String id = tag.arg(key, position);
            if (id == null || id.isBlank()) {
                out.append(visible("{{< " + tag.source + " >}}"));
                return;
            }
            String title = tag.arg("title", -1);
            out.append('[').append(escapeText(title == null ? text : title)).append("](")
                    .append(prefix).append(urlPart(id)).append(')');
        }

        private void post(Tag tag, int start) {
            String user = tag.arg("user", tag.positional.size() > 1 ? 0 : -1);
            String id = tag.arg("id", tag.positional.size() > 1 ? 1 : 0);
            if (id == null) {
                out.append(visible(text.substring(start, i)));
                warn(start, "shortcode '" + tag.name + "' without a post id is left as text");
                return;
            }
            String url = user == null ? "https://x.com/i/status/" + urlPart(id)
                    : "https://x.com/" + urlPart(user) + "/status/" + urlPart(id);
            out.append('[').append(escapeText(user == null ? "Post on X" : "Post by @" + user + " on X"))
                    .append("](").append(url).append(')');
        }

        private void gist(Tag tag, int start) {
            String user = tag.arg("user", 0);
            String id = tag.arg("id", 1);
            if (user == null || id == null) {
                out.append(visible(text.substring(start, i)));
                warn(start, "shortcode 'gist' needs a user and an id; left as text");
                return;
            }
            out.append("[Gist ").append(escapeText(id)).append(" by ").append(escapeText(user))
                    .append("](https://gist.github.com/").append(urlPart(user)).append('/').append(urlPart(id)).append(')');
        }

        private void figure(Tag tag, int start) {
            String src = tag.arg("src", -1);
            if (src == null) {
                out.append(visible(text.substring(start, i)));
                warn(start, "shortcode 'figure' without src is left as text");
                return;
            }
            String alt = firstNonNull(tag.arg("alt", -1), tag.arg("caption", -1), tag.arg("title", -1), "");
            StringBuilder html = new StringBuilder("\n\n<figure>");
            String link = tag.arg("link", -1);
            if (link != null) {
                html.append("<a href=\"").append(attribute(link)).append("\">");
            }
            html.append("<img src=\"").append(attribute(src)).append("\" alt=\"").append(attribute(stripTags(alt)))
                    .append('"');
            for (String size : List.of("width", "height")) {
                String value = tag.arg(size, -1);
                if (value != null && value.matches("\\d{1,5}")) {
                    html.append(' ').append(size).append("=\"").append(value).append('"');
                }
            }
            html.append('>');
            if (link != null) {
                html.append("</a>");
            }
            String caption = firstNonNull(tag.arg("caption", -1), tag.arg("title", -1), null);
            if (caption != null) {
                html.append("<figcaption>").append(attribute(stripTags(caption))).append("</figcaption>");
            }
            out.append(html).append("</figure>\n\n");
        }

        /** A paired highlight block: its content verbatim in a fenced code block. */
        private void highlight(String lang, int start, String closerText, Pattern closer) {
            Matcher m = closer.matcher(text);
            if (!m.find(i)) {
                out.append(visible(text.substring(start, i)));
                warn(start, "'highlight' is never closed with " + closerText + "; left as text");
                return;
            }
            String code = text.substring(i, m.start());
            code = code.startsWith("\n") ? code.substring(1) : code;
            code = code.endsWith("\n") ? code : code + "\n";
            String fence = code.contains("```") ? "~~~~" : "```";
            String language = lang == null ? "" : lang.replaceAll("[^A-Za-z0-9_+#.-]", "");
            out.append(atLineStart() ? "" : "\n").append(fence).append(language).append('\n').append(code)
                    .append(fence).append('\n');
            i = m.end();
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        }

        private void reference(String target, int start) {
            if (target == null) {
                out.append(visible(text.substring(start, i)));
                warn(start, "a reference without a target is left as text");
                return;
            }
            Optional<String> url = site.articleUrl(target);
            if (url.isEmpty()) {
                warn(start, "reference to '" + target + "' names no article of the site; linked to '#'");
            }
            out.append(url.orElse("#"));
        }

        // ---- Liquid ----

        private void liquidTag() {
            int start = i;
            int end = text.indexOf("%}", i + 2);
            if (end < 0) {
                out.append("{%");
                i += 2;
                return;
            }
            String inner = text.substring(i + 2, end).strip();
            if (inner.startsWith("-")) {
                inner = inner.substring(1).strip();
            }
            if (inner.endsWith("-")) {
                inner = inner.substring(0, inner.length() - 1).strip();
            }
            i = end + 2;
            Tag tag = Tag.parse(inner);
            switch (tag.name) {
                case "highlight" -> highlight(tag.arg("lang", 0), start, "{% endhighlight %}",
                        Pattern.compile("\\{%-?\\s*endhighlight\\s*-?%\\}"));
                case "raw" -> block(start, "endraw", true);
                case "comment" -> block(start, "endcomment", false);
                case "link" -> reference(tag.arg("path", 0), start);
                case "post_url" -> reference(tag.arg("name", 0), start);
                case "include", "include_relative" -> include(tag, start);
                case "gist" -> liquidGist(tag, start);
                default -> {
                    out.append(visible(text.substring(start, i)));
                    warn(start, "unknown Liquid tag '" + tag.name + "' is left as text (Gazette renders highlight, "
                            + "raw, comment, link, post_url, include and gist)");
                }
            }
        }

        /** jekyll-gist's {% gist user/id %} (or just the id): a link to the gist. */
        private void liquidGist(Tag tag, int start) {
            String ref = tag.arg("id", 0);
            if (ref == null || !ref.matches("([A-Za-z0-9-]+/)?[A-Za-z0-9]+")) {
                out.append(visible(text.substring(start, i)));
                warn(start, "'gist' needs a gist id such as user/0123abcd; left as text");
                return;
            }
            out.append("[Gist ").append(escapeText(ref)).append("](https://gist.github.com/").append(ref).append(')');
        }

        /** {% raw %}...{% endraw %} (kept, verbatim) or {% comment %}...{% endcomment %} (dropped). */
        private void block(int start, String endName, boolean keep) {
            Matcher m = Pattern.compile("\\{%-?\\s*" + endName + "\\s*-?%\\}").matcher(text);
            if (!m.find(i)) {
                out.append(visible(text.substring(start, i)));
                warn(start, "'" + endName.substring(3) + "' is never closed with {% " + endName + " %}; left as text");
                return;
            }
            if (keep) {
                out.append(text, i, m.start());
            }
            i = m.end();
        }

        private void include(Tag tag, int start) {
            String name = tag.arg("file", 0);
            Optional<String> body = name == null ? Optional.empty() : site.include(name);
            if (body.isEmpty()) {
                warn(start, "include of '" + name + "': no such file in _includes/; left out");
                return;
            }
            out.append(body.get());
        }

        private static final Pattern OUTPUT = Pattern.compile(
                "^(?:(site\\.baseurl|site\\.url)|\"([^\"]*)\"|'([^']*)'|(site\\.baseurl|site\\.url)\\s*\\|\\s*append\\s*:\\s*"
                        + "(?:\"([^\"]*)\"|'([^']*)'))((?:\\s*\\|\\s*(?:relative_url|absolute_url))*)$");

        private void liquidOutput() {
            int start = i;
            int end = text.indexOf("}}", i + 2);
            if (end < 0) {
                out.append("{{");
                i += 2;
                return;
            }
            String inner = text.substring(i + 2, end).strip();
            i = end + 2;
            Matcher m = OUTPUT.matcher(inner);
            if (!m.matches()) {
                out.append(visible(text.substring(start, i)));
                warn(start, "Liquid output '{{ " + inner + " }}' is left as text (Gazette knows site.baseurl, "
                        + "site.url, relative_url and absolute_url)");
                return;
            }
            String base = site.basePath().endsWith("/") ? site.basePath().substring(0, site.basePath().length() - 1)
                    : site.basePath();
            String origin = site.absoluteUrl("/");
            origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
            String value;
            if (m.group(1) != null) {
                value = m.group(1).equals("site.baseurl") ? base : origin;
            } else if (m.group(4) != null) {
                value = (m.group(4).equals("site.baseurl") ? base : origin)
                        + (m.group(5) != null ? m.group(5) : m.group(6));
            } else {
                value = m.group(2) != null ? m.group(2) : m.group(3);
            }
            String filters = m.group(7);
            if (filters.contains("relative_url") || filters.contains("absolute_url")) {
                String path = value.startsWith("/") ? value.substring(1) : value;
                String sitePath = (site.basePath().endsWith("/") ? site.basePath() : site.basePath() + "/") + path;
                value = filters.contains("absolute_url") ? site.absoluteUrl(sitePath) : sitePath;
            }
            out.append(value);
        }
    }

    /** A shortcode or tag: its name, positional and named arguments. */
    private static final class Tag {
        final String source;
        final String name;
        final boolean closing;
        final List<String> positional = new ArrayList<>();
        final Map<String, String> named = new LinkedHashMap<>();

        private Tag(String source, String name, boolean closing) {
            this.source = source;
            this.name = name;
            this.closing = closing;
        }

        static Tag parse(String inner) {
            String body = inner.endsWith("/") ? inner.substring(0, inner.length() - 1).strip() : inner;
            boolean closing = body.startsWith("/");
            if (closing) {
                body = body.substring(1).strip();
            }
            int space = 0;
            while (space < body.length() && !Character.isWhitespace(body.charAt(space))) {
                space++;
            }
            Tag tag = new Tag(inner, body.substring(0, space).toLowerCase(Locale.ROOT), closing);
            Matcher m = ARG.matcher(body.substring(space));
            int at = 0;
            String rest = body.substring(space);
            while (at < rest.length() && m.find(at) && m.start() == at) {
                String value = m.group(2) != null ? m.group(2).replace("\\\"", "\"")
                        : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
                if (m.group(1) != null) {
                    tag.named.put(m.group(1).toLowerCase(Locale.ROOT), value);
                } else {
                    tag.positional.add(value);
                }
                at = m.end();
            }
            return tag;
        }

        /** A named argument, else the positional one at {@code position} (-1: named only); null when absent. */
        String arg(String key, int position) {
            String value = named.get(key);
            if (value == null && position >= 0 && position < positional.size()) {
                value = positional.get(position);
            }
            return value;
        }
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String stripTags(String text) {
        return text.replaceAll("<[^>]*>", "");
    }

    /** Text escaped so that Markdown, the HTML sanitizer and typography leave it exactly as written. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '*', '_', '[', ']', '\\', '`' -> out.append("&#").append((int) c).append(';');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String escapeText(String text) {
        return visible(text);
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An id or user name as a URL path part: letters, digits and a few marks, nothing that ends the URL. */
    private static String urlPart(String text) {
        return text.replaceAll("[^A-Za-z0-9_.~-]", "");
    }
}
