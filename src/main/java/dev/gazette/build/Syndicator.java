package dev.gazette.build;

import dev.gazette.config.SiteConfig;
import dev.gazette.content.Article;
import dev.gazette.content.Site;
import dev.gazette.content.Taxonomy;
import dev.gazette.content.Term;
import dev.gazette.html.RenderedBody;
import dev.gazette.parallel.Parallel;
import dev.gazette.syndication.Feed;
import dev.gazette.syndication.FeedItem;
import dev.gazette.syndication.FeedWriter;
import dev.gazette.syndication.Json;
import dev.gazette.syndication.Sitemaps;
import dev.gazette.templates.Views.ArticleView;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files that let readers and robots find the news: feeds (site, and each tag, category and author),
 * sitemaps, the news sitemap, robots.txt and the search index, by output path.
 */
final class Syndicator {

    private final Site site;
    private final SiteConfig config;
    private final FeedWriter feeds;

    Syndicator(Site site, String generator) {
        this.site = site;
        this.config = site.config();
        this.feeds = new FeedWriter(generator);
    }

    /** URLs of the articles some feed shows in whole: their bodies must be kept while pages are rendered. */
    Set<String> articlesInFeeds() {
        Set<String> urls = new HashSet<>();
        if (config.feedFullContent()) {
            site.articles().stream().limit(config.feedSize()).forEach(a -> urls.add(a.url()));
            for (String lang : config.multilingual() ? config.languages() : List.<String>of()) {
                inLanguage(site.articles(), lang).stream().limit(config.feedSize()).forEach(a -> urls.add(a.url()));
            }
        }
        if (!config.termFeedFullContent()) {
            return urls;
        }
        for (Taxonomy taxonomy : site.taxonomies()) {
            for (Term term : taxonomy.terms()) {
                term.articles().stream().limit(config.feedSize()).forEach(a -> urls.add(a.url()));
            }
        }
        return urls;
    }

    /** Receives each generated file as soon as it is made, so the feeds of a big site are never all in memory. */
    @FunctionalInterface
    interface FileSink {
        /** @return false when the file was not written (a static file of the site takes its place) */
        boolean write(String path, String text);
    }

    /**
     * Decides, before a feed is made, whether its files can stay as the previous build wrote them; told when a
     * feed was made anew.
     */
    interface FeedGate {
        /**
         * @param files the feed's files in the folder at {@code path} ({@code feed.xml}, ...)
         * @param heading what the feed says of itself besides the site-wide settings (its title and language)
         * @return true when the files are kept as they are
         */
        boolean keep(String path, List<String> files, String heading, List<Article> items, boolean fullContent);

        void made(String path, String heading, List<Article> items, boolean fullContent);
    }

    /**
     * Every feed file: RSS, Atom and JSON Feed for the site (whole articles unless feed_content is summary) and
     * for each term the formats of term_feeds, RSS only by default (summaries unless term_feed_content is full:
     * hundreds of term feeds with whole articles would multiply the output many times over). Terms' feeds are
     * made in parallel. Each feed is made only when {@code gate} does not keep the previous build's files.
     */
    void feeds(Cards cards, Map<String, RenderedBody> bodies, FileSink sink, FeedGate gate) {
        addFeed(sink, gate, config.title(), config.description(), site.url("/"), site.articles(), cards, bodies,
                config.feedFullContent(), config.language(), SiteConfig.FEED_FORMATS);
        if (config.multilingual()) {
            for (String lang : config.languages()) {
                addFeed(sink, gate, config.title() + " (" + lang + ")", config.description(), site.url("/" + lang + "/"),
                        inLanguage(site.articles(), lang), cards, bodies, config.feedFullContent(), lang,
                        SiteConfig.FEED_FORMATS);
            }
        }
        if (config.termFeeds().isEmpty()) {
            return;
        }
        Parallel.forEach(site.taxonomies().stream().flatMap(t -> t.terms().stream()).toList(), term ->
                addFeed(sink, gate, config.title() + " – " + term.name(), "", term.url(), term.articles(), cards, bodies,
                        config.termFeedFullContent(), config.language(), config.termFeeds()));
    }

    /** The file names of these feed formats (rss, atom, json), in that order. */
    static List<String> files(List<String> formats) {
        return formats.stream().map(format -> switch (format) {
            case "rss" -> Feed.RSS;
            case "atom" -> Feed.ATOM;
            case "json" -> Feed.JSON;
            default -> throw new IllegalArgumentException("no feed format " + format);
        }).toList();
    }

    /** A multilingual site's articles in one language ("fr" takes "fr" and "fr-CA"). */
    static List<Article> inLanguage(List<Article> articles, String lang) {
        return articles.stream()
                .filter(a -> a.lang().equalsIgnoreCase(lang) || a.lang().toLowerCase(java.util.Locale.ROOT).startsWith(lang + "-"))
                .toList();
    }

    private void addFeed(FileSink sink, FeedGate gate, String title, String description, String url,
            List<Article> articles, Cards cards, Map<String, RenderedBody> bodies,
            boolean fullContent, String lang, List<String> formats) {
        List<String> files = files(formats);
        List<Article> shown = articles.subList(0, Math.min(config.feedSize(), articles.size()));
        String path = url.substring(config.basePath().length());
        String heading = title + "\u0000" + lang;
        if (gate.keep(path, files, heading, shown, fullContent)) {
            return;
        }
        List<FeedItem> items = new ArrayList<>();
        for (Article article : shown) {
            ArticleView card = cards.get(article.url());
            RenderedBody body = bodies.get(article.url());
            List<FeedItem.Person> authors = card.authors().stream()
                    .map(a -> new FeedItem.Person(a.name(), a.url() == null ? null : absolute(a.url()))).toList();
            List<String> categories = new ArrayList<>(article.tags());
            categories.addAll(article.categories());
            items.add(new FeedItem(article.title(), absolute(article.url()), article.date(), article.lastmod(), authors,
                    categories, card.summary(), fullContent && body != null ? absoluteLinks(body.html()) : null,
                    article.lang(), card.image() == null ? null : absolute(card.image().src())));
        }
        ZonedDateTime updated = articles.stream().limit(config.feedSize()).map(Article::lastmod)
                .max(Comparator.naturalOrder()).orElse(ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, config.timezone()));
        String folder = absolute(url);
        Feed feed = new Feed(title, description, folder, folder, lang, updated, items);
        for (String file : files) {
            sink.write(path + file, switch (file) {
                case Feed.RSS -> feeds.rss(feed);
                case Feed.ATOM -> feeds.atom(feed);
                default -> feeds.json(feed);
            });
        }
        gate.made(path, heading, shown, fullContent);
    }

    /** Feed readers show content away from the site: links and images from the site root need its host. */
    private String absoluteLinks(String html) {
        if (!config.hasAbsoluteBaseUrl()) {
            return html;
        }
        String origin = config.absoluteUrl("/");
        origin = origin.substring(0, origin.length() - 1);
        return html.replace("href=\"/", "href=\"" + origin + "/").replace("src=\"/", "src=\"" + origin + "/")
                .replace("href=\"" + origin + "//", "href=\"//").replace("src=\"" + origin + "//", "src=\"//");
    }

    /** sitemap.xml (or an index and its parts), news-sitemap.xml and robots.txt. */
    Map<String, String> sitemaps(List<PlannedPage> plan) {
        List<Sitemaps.Entry> entries = new ArrayList<>();
        for (PlannedPage page : plan) {
            ZonedDateTime lastmod = lastmod(page);
            if (!(page instanceof PlannedPage.NotFoundPage) && !(page instanceof PlannedPage.RedirectPage)) {
                entries.add(new Sitemaps.Entry(absolute(page.url()), lastmod));
            }
        }
        Sitemaps sitemaps = new Sitemaps();
        Map<String, String> files = new LinkedHashMap<>(sitemaps.sitemaps(entries, config.absoluteUrl(config.basePath())));
        List<Sitemaps.NewsEntry> news = site.articles().stream()
                .map(a -> new Sitemaps.NewsEntry(absolute(a.url()), a.title(), a.date(), a.lang())).toList();
        files.put("news-sitemap.xml", sitemaps.news(news, config.title()));
        files.put("robots.txt", Sitemaps.robots(config.absoluteUrl(config.basePath())));
        return files;
    }

    private static ZonedDateTime lastmod(PlannedPage page) {
        List<Article> articles;
        if (page instanceof PlannedPage.ArticlePage a) {
            return a.article().lastmod();
        } else if (page instanceof PlannedPage.HomePage home) {
            articles = home.pager().items();
        } else if (page instanceof PlannedPage.TermPage term) {
            articles = term.pager().items();
        } else if (page instanceof PlannedPage.TaxonomyIndexPage index) {
            articles = index.taxonomy().terms().stream().flatMap(t -> t.articles().stream().limit(1)).toList();
        } else if (page instanceof PlannedPage.ArchivePage archive) {
            articles = archive.year().months().stream().flatMap(m -> m.articles().stream()).toList();
        } else {
            return null;
        }
        return articles.stream().map(Article::lastmod).max(Comparator.naturalOrder()).orElse(null);
    }

    private String absolute(String url) {
        return config.absoluteUrl(url);
    }
}
