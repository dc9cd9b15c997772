package dev.gazette.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Bare URLs in running text ("https://example.org/report", "www.example.org") become links, trailing sentence
 * punctuation left outside; done on the HTML rather than by Flexmark's autolink extension, which scanned every
 * text node with regular expressions and took a third of the Markdown time.
 */
final class BareUrls {

    private BareUrls() {
    }

    /** A bare URL in a text: its characters at [start, end) and the link it becomes. */
    record Found(int start, int end, String href) {
    }

    /** The bare "https://..." and "www...." in a text, in order, trailing punctuation left outside. */
    static List<Found> find(String value) {
        List<Found> found = new ArrayList<>(2);
        int i = 0;
        while (i < value.length()) {
            int start = urlStart(value, i);
            if (start < 0) {
                break;
            }
            int end = start;
            while (end < value.length() && !Character.isWhitespace(value.charAt(end)) && "<>\"«»“”".indexOf(value.charAt(end)) < 0) {
                end++;
            }
            while (end > start && ".,;:!?'’)]".indexOf(value.charAt(end - 1)) >= 0) {
                if (value.charAt(end - 1) == ')' && value.substring(start, end).contains("(")) {
                    break;
                }
                end--;
            }
            String url = value.substring(start, end);
            if (url.length() <= (url.startsWith("www.") ? 6 : 10)) {
                i = end + 1;
                continue;
            }
            found.add(new Found(start, end, url.startsWith("www.") ? "https://" + url : url));
            i = end;
        }
        return found;
    }

    /** Bare "https://..." and "www...." in a text node become links, trailing punctuation left outside. */
    static void link(TextNode text, List<String> links) {
        String value = text.getWholeText();
        List<Found> urls = find(value);
        if (urls.isEmpty()) {
            return;
        }
        List<Node> parts = new ArrayList<>();
        int from = 0;
        for (Found url : urls) {
            if (url.start() > from) {
                parts.add(new TextNode(value.substring(from, url.start())));
            }
            parts.add(new Element("a").attr("href", url.href()).text(value.substring(url.start(), url.end())));
            links.add(url.href());
            from = url.end();
        }
        if (from < value.length()) {
            parts.add(new TextNode(value.substring(from)));
        }
        Node previous = text;
        for (Node part : parts) {
            previous.after(part);
            previous = part;
        }
        text.remove();
    }

    private static int urlStart(String text, int from) {
        int best = -1;
        for (String prefix : new String[] {"https://", "http://", "www."}) {
            int at = text.indexOf(prefix, from);
            while (at > 0 && prefix.equals("www.") && Character.isLetterOrDigit(text.charAt(at - 1))) {
                at = text.indexOf(prefix, at + 1);
            }
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }
}
