package dev.gazette.syndication;

import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a {@link Feed} as RSS 2.0, Atom 1.0 and JSON Feed 1.1, XML through the JDK's streaming XML writer. */
public final class FeedWriter {

    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();
    private final String generator;

    public FeedWriter(String generator) {
        this.generator = generator;
    }

    public String rss(Feed feed) {
        return xml(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM_NS);
            w.writeNamespace("dc", DC_NS);
            w.writeNamespace("content", CONTENT_NS);
            w.writeStartElement("channel");
            element(w, "title", feed.title());
            element(w, "link", feed.pageUrl());
            element(w, "description", feed.description().isEmpty() ? feed.title() : feed.description());
            if (feed.lang() != null) {
                element(w, "language", feed.lang());
            }
            element(w, "generator", generator);
            element(w, "lastBuildDate", RFC_822.format(feed.updated()));
            w.writeEmptyElement("atom", "link", ATOM_NS);
            w.writeAttribute("href", feed.baseUrl() + Feed.RSS);
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            for (FeedItem item : feed.items()) {
                w.writeStartElement("item");
                element(w, "title", item.title());
                element(w, "link", item.url());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(item.url());
                w.writeEndElement();
                element(w, "pubDate", RFC_822.format(item.published()));
                for (FeedItem.Person author : item.authors()) {
                    w.writeStartElement("dc", "creator", DC_NS);
                    w.writeCharacters(author.name());
                    w.writeEndElement();
                }
                for (String category : item.categories()) {
                    element(w, "category", category);
                }
                element(w, "description", item.summary());
                if (item.contentHtml() != null) {
                    w.writeStartElement("content", "encoded", CONTENT_NS);
                    w.writeCData(XmlText.clean(item.contentHtml()).replace("]]>", "]]]]><![CDATA[>"));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    public String atom(Feed feed) {
        return xml(w -> {
            w.setDefaultNamespace(ATOM_NS);
            w.writeStartElement(ATOM_NS, "feed");
            w.writeDefaultNamespace(ATOM_NS);
            if (feed.lang() != null) {
                w.writeAttribute("xml:lang", feed.lang());
            }
            element(w, "id", feed.baseUrl() + Feed.ATOM);
            element(w, "title", feed.title());
            if (!feed.description().isEmpty()) {
                element(w, "subtitle", feed.description());
            }
            element(w, "updated", RFC_3339.format(feed.updated()));
            link(w, "alternate", feed.pageUrl(), "text/html");
            link(w, "self", feed.baseUrl() + Feed.ATOM, "application/atom+xml");
            element(w, "generator", generator);
            for (FeedItem item : feed.items()) {
                w.writeStartElement("entry");
                element(w, "id", item.url());
                w.writeStartElement("title");
                w.writeAttribute("type", "text");
                w.writeCharacters(item.title());
                w.writeEndElement();
                link(w, "alternate", item.url(), "text/html");
                element(w, "published", RFC_3339.format(item.published()));
                element(w, "updated", RFC_3339.format(item.updated()));
                for (FeedItem.Person author : item.authors()) {
                    w.writeStartElement("author");
                    element(w, "name", author.name());
                    if (author.url() != null) {
                        element(w, "uri", author.url());
                    }
                    w.writeEndElement();
                }
                for (String category : item.categories()) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", category);
                }
                if (!item.summary().isEmpty()) {
                    element(w, "summary", item.summary());
                }
                if (item.contentHtml() != null) {
                    w.writeStartElement("content");
                    w.writeAttribute("type", "html");
                    if (item.lang() != null) {
                        w.writeAttribute("xml:lang", item.lang());
                    }
                    w.writeCharacters(XmlText.clean(item.contentHtml()));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    public String json(Feed feed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "https://jsonfeed.org/version/1.1");
        root.put("title", feed.title());
        root.put("home_page_url", feed.pageUrl());
        root.put("feed_url", feed.baseUrl() + Feed.JSON);
        if (!feed.description().isEmpty()) {
            root.put("description", feed.description());
        }
        if (feed.lang() != null) {
            root.put("language", feed.lang());
        }
        List<Object> items = new ArrayList<>();
        for (FeedItem item : feed.items()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", item.url());
            entry.put("url", item.url());
            entry.put("title", item.title());
            if (item.contentHtml() != null) {
                entry.put("content_html", item.contentHtml());
            } else {
                entry.put("content_text", item.summary());
            }
            if (!item.summary().isEmpty()) {
                entry.put("summary", item.summary());
            }
            if (item.image() != null) {
                entry.put("image", item.image());
            }
            entry.put("date_published", RFC_3339.format(item.published()));
            entry.put("date_modified", RFC_3339.format(item.updated()));
            List<Object> authors = new ArrayList<>();
            for (FeedItem.Person author : item.authors()) {
                Map<String, Object> person = new LinkedHashMap<>();
                person.put("name", author.name());
                if (author.url() != null) {
                    person.put("url", author.url());
                }
                authors.add(person);
            }
            if (!authors.isEmpty()) {
                entry.put("authors", authors);
            }
            if (!item.categories().isEmpty()) {
                entry.put("tags", item.categories());
            }
            if (item.lang() != null) {
                entry.put("language", item.lang());
            }
            items.add(entry);
        }
        root.put("items", items);
        return Json.write(root) + "\n";
    }

    @FunctionalInterface
    interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    String xml(XmlBody body) {
        try {
            StringWriter out = new StringWriter(16 * 1024);
            XMLStreamWriter w = factory.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
            return out.append('\n').toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
    }

    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(XmlText.clean(text));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
        w.writeAttribute("type", type);
    }
}
