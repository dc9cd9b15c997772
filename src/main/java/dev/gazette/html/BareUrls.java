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

    /** Bare "https://..." and "www...." in text become links, trailing punctuation left outside. */
    static void link(TextNode text, List<String> links) {
        String value = text.getWholeText();
        List<Node> parts = new ArrayList<>();
        int from = 0;
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
            if (start > from) {
                parts.add(new TextNode(value.substring(from, start)));
            }
            String href = url.startsWith("www.") ? "https://" + url : url;
            Element a = new Element("a").attr("href", href).text(url);
            parts.add(a);
            links.add(href);
            from = end;
            i = end;
        }
        if (parts.isEmpty()) {
            return;
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
