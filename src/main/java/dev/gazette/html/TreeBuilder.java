package dev.gazette.html;

import dev.gazette.markdown.HtmlSink;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Builds jsoup nodes from a rendered Markdown tree: the document jsoup's parser would make of the same HTML text
 * (one text node per run of text between tags, elements and attributes in their order), without writing the
 * text and parsing it again.
 */
final class TreeBuilder implements HtmlSink {

    private Element current;
    private final StringBuilder text = new StringBuilder();

    /** @param root the element the tree goes into (the body of an empty document) */
    TreeBuilder(Element root) {
        this.current = root;
    }

    @Override
    public void start(String tag, String... attributes) {
        flush();
        Element element = new Element(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            element.attr(attributes[i], attributes[i + 1]);
        }
        current.appendChild(element);
        current = element;
    }

    @Override
    public void end() {
        flush();
        current = current.parent();
    }

    @Override
    public void text(String value) {
        text.append(value);
    }

    @Override
    public void entity(String reference) {
        text.append(Parser.unescapeEntities(reference, false));
    }

    /** Ends the last run of text; call once the tree is sent. */
    void finish() {
        flush();
    }

    private void flush() {
        if (text.length() > 0) {
            current.appendChild(new TextNode(text.toString()));
            text.setLength(0);
        }
    }
}
