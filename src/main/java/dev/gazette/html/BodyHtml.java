package dev.gazette.html;

import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The HTML of a processed body, written as jsoup writes it (no pretty printing, HTML syntax, base entities,
 * UTF-8) for the elements and attributes news copy is made of, at a fraction of the cost: jsoup's serializer
 * was about 6% of a clean build. A body with any other node, element or attribute is left to jsoup
 * (a test compares the two on every UTF-16 code unit and on every kind of body).
 */
final class BodyHtml {

    private static final Set<String> ELEMENTS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong",
            "a", "del", "code", "blockquote", "ul", "ol", "li", "img", "br", "hr", "figure", "figcaption");
    private static final Set<String> VOID = Set.of("img", "br", "hr");
    private static final Set<String> ATTRIBUTES = Set.of("href", "title", "src", "alt", "start", "id", "width",
            "height", "loading", "decoding");

    private BodyHtml() {
    }

    /** The HTML of the element's children, as {@link Element#html()} gives it. */
    static String of(Element body) {
        String html = written(body);
        return html != null ? html : body.html();
    }

    /** The HTML of the element's children written here, or null when it is left to jsoup. */
    static String written(Element body) {
        StringBuilder out = new StringBuilder(4096);
        for (Node child : body.childNodes()) {
            if (!write(child, out)) {
                return null;
            }
        }
        return out.toString();
    }

    /** @return false when the node has something only jsoup's serializer is trusted to write */
    private static boolean write(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            escape(text.getWholeText(), false, out);
            return true;
        }
        if (!(node instanceof Element element) || !ELEMENTS.contains(element.normalName())
                || !element.tagName().equals(element.normalName())) {
            return false;
        }
        String tag = element.normalName();
        out.append('<').append(tag);
        for (Attribute attribute : element.attributes()) {
            if (!ATTRIBUTES.contains(attribute.getKey()) || !attribute.hasDeclaredValue()) {
                return false;
            }
            out.append(' ').append(attribute.getKey()).append("=\"");
            escape(attribute.getValue(), true, out);
            out.append('"');
        }
        out.append('>');
        if (VOID.contains(tag)) {
            return element.childNodeSize() == 0;
        }
        for (Node child : element.childNodes()) {
            if (!write(child, out)) {
                return false;
            }
        }
        out.append("</").append(tag).append('>');
        return true;
    }

    /**
     * Text or an attribute value escaped as jsoup escapes it: {@code & < >} always, {@code "} in attributes,
     * the no-break space by name, C0 controls (but tab, line feed and carriage return) and unpaired surrogates
     * as hexadecimal references.
     */
    static void escape(String text, boolean attribute, StringBuilder out) {
        // the characters copied once: reading a non-Latin-1 string char by char cost twice as much
        char[] chars = text.toCharArray();
        int n = chars.length;
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= 0x3F && c < 0xA0 || c > 0xA0 && c < 0xD800 || c > 0xDFFF) {
                continue; // most characters: nothing to escape
            }
            String entity = null;
            if (c == '&') {
                entity = "&amp;";
            } else if (c == '<') {
                entity = "&lt;";
            } else if (c == '>') {
                entity = "&gt;";
            } else if (c == '"') {
                entity = attribute ? "&quot;" : null;
            } else if (c == '\u00A0') {
                entity = "&nbsp;";
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                entity = "&#x" + Integer.toHexString(c) + ";";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
                    i++;
                } else {
                    entity = "&#x" + Integer.toHexString(c) + ";";
                }
            } else if (Character.isLowSurrogate(c)) {
                entity = "&#x" + Integer.toHexString(c) + ";";
            }
            if (entity != null) {
                out.append(chars, run, i - run).append(entity);
                run = i + 1;
            }
        }
        out.append(chars, run, n - run);
    }
}
