package dev.gazette.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article in a saved news page: title, byline, dates and metadata from OpenGraph, article: and
 * schema.org markup, and the body from {@code <article>} or {@code <main>} with the page furniture removed.
 */
public final class HtmlArticleExtractor {

    /** Page furniture inside an article element that is not article text. */
    private static final String FURNITURE = "script, style, noscript, template, nav, aside, form, button, iframe, "
            + "svg, header, footer, [role=navigation], [role=complementary], [aria-hidden=true], "
            + ".share, .sharing, .social, .related, .comments, #comments, .newsletter, .advert, .ad, .byline";

    private HtmlArticleExtractor() {
    }

    /** @param location the page's address or file, against which relative links are made absolute */
    public static ExtractedPage extract(String html, String location) {
        Document doc = Jsoup.parse(html, location);
        List<String> jsonLd = new ArrayList<>();
        doc.select("script[type=application/ld+json]").forEach(s -> jsonLd.add(s.data()));

        Element container = doc.selectFirst("article");
        if (container == null) {
            container = doc.selectFirst("main, [role=main]");
        }
        if (container == null) {
            container = doc.body();
        }
        Element heading = container.selectFirst("h1");
        if (heading == null) {
            heading = doc.selectFirst("h1");
        }
        String title = firstNonBlank(meta(doc, "property", "og:title"), heading == null ? null : heading.text(), doc.title());

        LinkedHashSet<String> authors = new LinkedHashSet<>();
        for (Element author : doc.select("meta[name=author]")) {
            addNames(authors, author.attr("content"));
        }
        for (Element author : container.select("[rel=author], [itemprop=author] [itemprop=name], .byline .author, .author-name")) {
            addNames(authors, author.text());
        }
        Element time = container.selectFirst("time[datetime]");
        String date = firstNonBlank(meta(doc, "property", "article:published_time"),
                meta(doc, "itemprop", "datePublished"), time == null ? null : time.attr("datetime"));
        String modified = firstNonBlank(meta(doc, "property", "article:modified_time"), meta(doc, "itemprop", "dateModified"));
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        String canonicalUrl = firstNonBlank(canonical == null ? null : canonical.absUrl("href"), absoluteMeta(doc, "og:url"));
        String image = absoluteMeta(doc, "og:image");
        String description = firstNonBlank(meta(doc, "property", "og:description"), meta(doc, "name", "description"));
        Element root = doc.selectFirst("html");
        String lang = root == null ? null : blankToNull(root.attr("lang"));

        // relative links are the page's own: resolved against its address on the web (base, canonical, og:url),
        // never against the saved file, and a file: URL is not published anywhere
        String web = webAddress(doc, location);
        doc.setBaseUri(web == null ? "" : web);
        for (Element a : doc.select("a[href]")) {
            String href = web == null ? a.attr("href") : a.absUrl("href");
            if (href.isEmpty() || href.regionMatches(true, 0, "file:", 0, 5)) {
                a.unwrap();
            } else {
                a.attr("href", href);
            }
        }
        for (Element img : doc.select("img[src]")) {
            String src = web == null ? img.attr("src") : img.absUrl("src");
            if (src.isEmpty() || src.regionMatches(true, 0, "file:", 0, 5)) {
                img.remove();
            } else {
                img.attr("src", src);
            }
        }
        Element body = ArticleBody.find(doc, jsonLdArticleBody(jsonLd));
        if (body == null) {
            body = container.clone();
        }
        body.select(FURNITURE).remove();
        body.select("h1").remove();
        return new ExtractedPage(blankToNull(title), new ArrayList<>(authors), blankToNull(date), blankToNull(modified),
                meta(doc, "property", "og:site_name"), lang, blankToNull(canonicalUrl), image, blankToNull(description),
                body.html(), body.text(), jsonLd);
    }

    private static final java.util.regex.Pattern ARTICLE_BODY = java.util.regex.Pattern.compile(
            "\"articleBody\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");

    /** The article's text as the page's JSON-LD gives it ("articleBody"), JSON escapes undone; null when none. */
    static String jsonLdArticleBody(List<String> scripts) {
        for (String script : scripts) {
            java.util.regex.Matcher m = ARTICLE_BODY.matcher(script);
            if (m.find()) {
                String raw = m.group(1);
                StringBuilder text = new StringBuilder(raw.length());
                for (int i = 0; i < raw.length(); i++) {
                    char c = raw.charAt(i);
                    if (c != '\\' || i + 1 == raw.length()) {
                        text.append(c);
                        continue;
                    }
                    char next = raw.charAt(++i);
                    switch (next) {
                        case 'n', 'r', 't' -> text.append(' ');
                        case 'u' -> {
                            if (i + 4 < raw.length()) {
                                text.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                                i += 4;
                            }
                        }
                        default -> text.append(next);
                    }
                }
                return text.toString();
            }
        }
        return null;
    }

    /** The page's address on the web: its base element, canonical link or og:url, else the location given if http(s). */
    private static String webAddress(Document doc, String location) {
        Element base = doc.selectFirst("base[href]");
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        Element og = doc.selectFirst("meta[property=og:url][content]");
        for (String candidate : new String[] {base == null ? null : base.attr("href"),
                canonical == null ? null : canonical.attr("href"), og == null ? null : og.attr("content"), location}) {
            if (candidate != null && (candidate.startsWith("https://") || candidate.startsWith("http://"))) {
                return candidate.strip();
            }
        }
        return null;
    }

    private static void addNames(LinkedHashSet<String> names, String text) {
        String cleaned = text.strip().replaceFirst("(?i)^(by|par|von|por|di|door)\\s+", "");
        for (String name : cleaned.split("\\s*(?:,|\\s(?:and|et|und|y|e|en)\\s)\\s*")) {
            if (!name.isBlank() && name.length() < 80) {
                names.add(name.strip());
            }
        }
    }

    private static String meta(Document doc, String attribute, String name) {
        Element meta = doc.selectFirst("meta[" + attribute + "=" + name + "]");
        return meta == null ? null : blankToNull(meta.attr("content"));
    }

    private static String absoluteMeta(Document doc, String property) {
        Element meta = doc.selectFirst("meta[property=" + property + "]");
        return meta == null ? null : blankToNull(meta.absUrl("content").isEmpty() ? meta.attr("content") : meta.absUrl("content"));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
