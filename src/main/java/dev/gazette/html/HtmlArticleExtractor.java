package dev.gazette.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        String siteName = meta(doc, "property", "og:site_name");
        String title = withoutSiteName(firstNonBlank(meta(doc, "property", "og:title"),
                heading == null ? null : heading.text(), meta(doc, "name", "twitter:title"), doc.title()), siteName);

        LinkedHashSet<String> authors = new LinkedHashSet<>();
        for (Element author : doc.select("meta[name=author], meta[property=article:author], meta[name=byl], "
                + "meta[name=sailthru.author], meta[name=parsely-author]")) {
            String content = author.attr("content");
            if (!content.startsWith("http")) {
                addNames(authors, content);
            }
        }
        if (authors.isEmpty()) {
            for (Element author : doc.select("[itemprop=author] [itemprop=name], [itemprop=author][content], "
                    + "[rel=author], .byline .author, .author-name, [class*=byline__name], [class*=author__name], "
                    + "[data-testid=author-name]")) {
                addNames(authors, author.hasAttr("content") ? author.attr("content") : author.text());
            }
        }
        if (authors.isEmpty()) {
            Element byline = doc.selectFirst(".byline, [class*=byline], [class*=Byline]");
            if (byline != null && byline.text().length() < 120) {
                addNames(authors, byline.text().replaceAll("(?i)\\s*(updated|published|posted).*$", ""));
            }
        }
        Element time = container.selectFirst("time[datetime]");
        if (time == null) {
            time = doc.selectFirst("header time[datetime], time[itemprop=datePublished], time[datetime]");
        }
        Element itemDate = doc.selectFirst("[itemprop=datePublished][content], [itemprop=datePublished][datetime]");
        String date = firstNonBlank(meta(doc, "property", "article:published_time"),
                meta(doc, "itemprop", "datePublished"),
                itemDate == null ? null : itemDate.hasAttr("content") ? itemDate.attr("content") : itemDate.attr("datetime"),
                meta(doc, "name", "date"), meta(doc, "name", "publishdate"), meta(doc, "name", "pubdate"),
                meta(doc, "name", "publish-date"), meta(doc, "name", "dc.date"), meta(doc, "name", "DC.date"),
                meta(doc, "name", "dc.date.issued"), meta(doc, "name", "DC.date.issued"),
                meta(doc, "name", "sailthru.date"), meta(doc, "name", "parsely-pub-date"),
                time == null ? null : time.attr("datetime"));
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
        // and no other attribute keeps a file: URL (srcset, poster, data-src, a malformed tag's stray href)
        for (Element e : doc.getAllElements()) {
            List<String> local = new ArrayList<>();
            e.attributes().forEach(attribute -> {
                if (attribute.getValue().strip().regionMatches(true, 0, "file:", 0, 5)
                        || attribute.getValue().toLowerCase(java.util.Locale.ROOT).contains(" file:")) {
                    local.add(attribute.getKey());
                }
            });
            local.forEach(e::removeAttr);
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
                            String hex = i + 4 < raw.length() ? raw.substring(i + 1, i + 5) : "";
                            if (hex.matches("[0-9A-Fa-f]{4}")) {
                                text.append((char) Integer.parseInt(hex, 16));
                                i += 4;
                            } else {
                                text.append('u'); // not an escape a JSON writer makes: kept as written
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

    private static final Pattern TITLE_SUFFIX = Pattern.compile("^(.{12,}?)\\s+[|\\-–—:·]\\s+([^|\\-–—:·]{2,40})$");

    /**
     * The title without the site's name after it ("Storm hits coast - The Guardian", "Storm hits coast | Site"):
     * removed when it is the page's og:site_name, or a short part after " | ".
     */
    static String withoutSiteName(String title, String siteName) {
        if (title == null) {
            return null;
        }
        Matcher m = TITLE_SUFFIX.matcher(title.strip());
        if (!m.matches()) {
            return title;
        }
        String suffix = m.group(2).strip();
        boolean isSiteName = siteName != null && (suffix.equalsIgnoreCase(siteName.strip())
                || normalized(suffix).equals(normalized(siteName)));
        boolean pipedShort = title.contains(" | ") && suffix.split("\\s+").length <= 4;
        return isSiteName || pipedShort ? m.group(1).strip() : title;
    }

    private static String normalized(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("^the\\s+|[^\\p{L}\\p{N}]", "");
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
