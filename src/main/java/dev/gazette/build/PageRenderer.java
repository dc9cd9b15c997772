package dev.gazette.build;

import dev.gazette.config.SiteConfig;
import dev.gazette.content.ArchiveYear;
import dev.gazette.content.Article;
import dev.gazette.content.Pager;
import dev.gazette.content.Site;
import dev.gazette.content.Term;
import dev.gazette.html.RenderedBody;
import dev.gazette.i18n.DateFormats;
import dev.gazette.i18n.UiStrings;
import dev.gazette.templates.Views;
import dev.gazette.templates.Views.SectionView;
import dev.gazette.syndication.Feed;
import dev.gazette.templates.Views.ArticleView;
import dev.gazette.templates.Views.FeedLink;
import dev.gazette.templates.Views.LinkView;
import dev.gazette.templates.Views.MonthView;
import dev.gazette.templates.Views.PageView;
import dev.gazette.templates.Views.SiteView;
import dev.gazette.templates.Views.TaxonomyView;
import java.util.List;
import java.util.Map;

/**
 * The template and variables of each planned page. Article pages need their rendered body; list pages need the
 * cards (article views without bodies) made while article pages were rendered. A model's text form (records print
 * all their fields) is what the build cache compares to tell whether a page would come out the same.
 */
final class PageRenderer {

    /** A template and the variables to render it with. */
    record PageModel(String template, Map<String, Object> variables) {
    }

    private final Site site;
    private final UiStrings strings;
    private final ViewFactory views;
    private final SiteView siteView;
    private final List<FeedLink> siteFeeds;
    /** What each section is about, by slug (content/world/_index.md). */
    private final Map<String, String> sectionTexts;

    PageRenderer(Site site, UiStrings strings, ViewFactory views, Map<String, String> sectionTexts) {
        this.sectionTexts = sectionTexts;
        this.site = site;
        this.strings = strings;
        this.views = views;
        this.siteView = views.site();
        this.siteFeeds = feeds(site.config().title(), site.url("/"));
    }

    /** A page view with the site's feeds (and a term's, when given) in its head. */
    private PageView page(String kind, String title, String description, String url, String canonical, String lang,
            String type, String image, List<FeedLink> termFeeds, String structuredData) {
        return page(kind, title, description, url, canonical, lang, type, image, termFeeds, structuredData, List.of());
    }

    private PageView page(String kind, String title, String description, String url, String canonical, String lang,
            String type, String image, List<FeedLink> termFeeds, String structuredData,
            List<Views.Translation> translations) {
        List<FeedLink> feeds = new java.util.ArrayList<>(siteFeeds);
        feeds.addAll(termFeeds);
        return new PageView(kind, title, description, url, canonical, lang, ViewFactory.ogLocale(lang), type, image,
                feeds, structuredData, translations);
    }

    /** The feeds of the site or of a language's front page: RSS, Atom and JSON Feed, in the folder at {@code url}. */
    static List<FeedLink> feeds(String title, String url) {
        return feeds(title, url, SiteConfig.FEED_FORMATS);
    }

    /** The feeds in these formats (rss, atom, json) in the folder at {@code url}. */
    static List<FeedLink> feeds(String title, String url, List<String> formats) {
        return formats.stream().map(format -> switch (format) {
            case "rss" -> new FeedLink(title + " (RSS)", "application/rss+xml", url + Feed.RSS);
            case "atom" -> new FeedLink(title + " (Atom)", "application/atom+xml", url + Feed.ATOM);
            default -> new FeedLink(title + " (JSON Feed)", "application/feed+json", url + Feed.JSON);
        }).toList();
    }

    /** A list page's meta description, in no language of its own: its heading, the site's name and tagline. */
    private String described(String heading) {
        String tagline = site.config().description();
        return ViewFactory.description(heading + " – " + site.config().title()
                + (tagline == null || tagline.isBlank() ? "" : ". " + tagline));
    }

    PageModel article(Article article, RenderedBody body) {
        return article(article, body, views.card(article, body));
    }

    /** An article's page from its card (the same article, body and site), which has most of what it shows. */
    PageModel article(Article article, RenderedBody body, ArticleView card) {
        ArticleView view = views.article(article, body, card);
        String canonical = article.canonicalUrl() != null ? article.canonicalUrl() : views.absolute(article.url());
        PageView page = page("article", view.title(), ViewFactory.description(view.summary()), article.url(),
                canonical, article.lang(), "article", view.image() == null ? null : views.absolute(view.image().src()),
                List.of(), views.structuredData(article, view, canonical), view.translations());
        return new PageModel("article.html", Views.model("site", siteView, "page", page, "article", view));
    }

    PageModel home(Pager<Article> pager, Cards cards) {
        String lang = site.config().language();
        String title = pager.number() == 1 ? site.config().title()
                : site.config().title() + " – " + strings.format(lang, "page_of", pager.number(), pager.totalPages());
        PageView page = page("home", title, ViewFactory.description(site.config().description()), pager.url(),
                views.absolute(pager.url()), lang, "website", null, List.of(), null);
        if (pager.number() > 1) {
            return new PageModel("list.html", Views.model("site", siteView, "page", page,
                    "heading", strings.format(lang, "latest"), "term", null, "profile", null, "lead", null,
                    "termFeed", null, "termDescription", null, "top", List.of(), "sections", List.of(), "articles", cardsOf(pager.items(), cards),
                    "pager", ViewFactory.pager(pager)));
        }
        FrontPage front = FrontPage.of(site, pager);
        List<SectionView> sections = front.sections().stream()
                .map(b -> new SectionView(b.term().name(), b.term().url(), cardsOf(b.articles(), cards))).toList();
        return new PageModel("list.html", Views.model("site", siteView, "page", page,
                "heading", strings.format(lang, "latest"), "term", null, "profile", null,
                "termFeed", null, "termDescription", null,
                "lead", front.lead() == null ? null : cards.get(front.lead().url()),
                "top", cardsOf(front.top(), cards), "sections", sections,
                "articles", cardsOf(front.rest(), cards), "pager", ViewFactory.pager(pager)));
    }

    /** A multilingual site's front page for one language, in that language, its feeds and hreflang siblings. */
    PageModel languageHome(String lang, Pager<Article> pager, Cards cards) {
        String title = pager.number() == 1 ? site.config().title()
                : site.config().title() + " – " + strings.format(lang, "page_of", pager.number(), pager.totalPages());
        List<Views.Translation> fronts = site.config().languages().stream()
                .map(l -> new Views.Translation(l, views.absolute(site.url("/" + l + "/")), site.config().title(), l.equals(lang)))
                .toList();
        PageView page = new PageView("home", title, ViewFactory.description(site.config().description()), pager.url(),
                views.absolute(pager.url()), lang, ViewFactory.ogLocale(lang), "website", null,
                feeds(site.config().title() + " (" + lang + ")", site.url("/" + lang + "/")), null,
                pager.number() == 1 ? fronts : List.of());
        return new PageModel("list.html", Views.model("site", siteView, "page", page,
                "heading", strings.format(lang, "latest"), "term", null, "profile", null, "lead", null,
                "termFeed", null, "termDescription", null, "top", List.of(), "sections", List.of(), "articles", cardsOf(pager.items(), cards), "pager", ViewFactory.pager(pager)));
    }

    PageModel term(String taxonomy, Term term, Pager<Article> pager, Cards cards) {
        String lang = site.config().language();
        String title = pager.number() == 1 ? term.name()
                : term.name() + " – " + strings.format(lang, "page_of", pager.number(), pager.totalPages());
        List<FeedLink> termFeeds = feeds(site.config().title() + " – " + term.name(), term.url(), site.config().termFeeds());
        String about = taxonomy.equals("categories") ? sectionTexts.get(term.slug()) : null;
        PageView page = page(taxonomy, title, about != null ? ViewFactory.description(about) : described(term.name()),
                pager.url(), views.absolute(pager.url()), lang, "website", null, termFeeds, null);
        return new PageModel("list.html", Views.model("site", siteView, "page", page,
                "heading", term.name(), "term", new LinkView(term.name(), term.url(), term.articles().size()),
                "profile", taxonomy.equals("authors") && pager.number() == 1 ? views.author(term) : null, "lead", null,
                "termFeed", termFeeds.isEmpty() ? null : termFeeds.get(0),
                "termDescription", pager.number() == 1 ? about : null, "top", List.of(), "sections", List.of(), "articles", cardsOf(pager.items(), cards), "pager", ViewFactory.pager(pager)));
    }

    PageModel taxonomyIndex(dev.gazette.content.Taxonomy taxonomy) {
        String lang = site.config().language();
        String title = views.taxonomyTitle(taxonomy.name(), lang);
        List<LinkView> terms = taxonomy.terms().stream()
                .map(t -> new LinkView(t.name(), t.url(), t.articles().size())).toList();
        PageView page = page("taxonomy", title, described(title), taxonomy.url(), views.absolute(taxonomy.url()), lang, "website",
                null, List.of(), null);
        return new PageModel("terms.html", Views.model("site", siteView, "page", page,
                "taxonomy", new TaxonomyView(taxonomy.name(), title, taxonomy.url(), terms)));
    }

    PageModel archive(ArchiveYear year, Cards cards) {
        String lang = site.config().language();
        List<MonthView> months = year.months().stream()
                .map(m -> new MonthView(DateFormats.monthYear(m.month(), lang), m.month().toString(),
                        cardsOf(m.articles(), cards)))
                .toList();
        List<LinkView> years = site.years().stream()
                .map(y -> new LinkView(String.valueOf(y.year()), y.url(), y.articleCount())).toList();
        String title = strings.format(lang, "archive") + " " + year.year();
        PageView page = page("archive", title, described(title), year.url(), views.absolute(year.url()), lang, "website", null,
                List.of(), null);
        return new PageModel("archive.html", Views.model("site", siteView, "page", page,
                "year", year.year(), "months", months, "years", years));
    }

    /** A page that is not an article: its title and body, no date, byline or related articles. */
    PageModel standalone(Article article, RenderedBody body) {
        String canonical = article.canonicalUrl() != null ? article.canonicalUrl() : views.absolute(article.url());
        PageView page = page("page", article.title(), ViewFactory.description(article.summary() != null
                ? article.summary() : body.summary()), article.url(), canonical, article.lang(), "website", null,
                List.of(), null, List.of());
        return new PageModel("page.html", Views.model("site", siteView, "page", page, "title", article.title(),
                "body", body.html(), "lang", article.lang()));
    }

    PageModel notFound() {
        String lang = site.config().language();
        String url = site.url("/404.html");
        PageView page = page("404", strings.format(lang, "not_found_title"), strings.format(lang, "not_found_text"), url, views.absolute(url), lang,
                "website", null, List.of(), null);
        return new PageModel("404.html", Views.model("site", siteView, "page", page));
    }

    PageModel search() {
        String lang = site.config().language();
        String url = site.url("/search/");
        PageView page = page("search", strings.format(lang, "search"), described(strings.format(lang, "search_label")), url, views.absolute(url), lang, "website",
                null, List.of(), null);
        return new PageModel("search.html", Views.model("site", siteView, "page", page,
                "index", site.url("/search-index.json"), "script", site.url("/assets/search.js")));
    }

    /** The same view without its body, for page keys. */
    static ArticleView withoutBody(ArticleView a) {
        return new ArticleView(a.title(), a.titleLang(), a.url(), a.lang(), a.date(), a.updated(), a.authors(), a.tags(),
                a.categories(), a.section(), a.summary(), a.standfirst(), a.image(), a.source(), a.canonicalUrl(), null,
                a.wordCount(), a.readingMinutes(), a.related(), a.corrections(), a.featured(), a.breaking(),
                a.translations());
    }

    private static List<ArticleView> cardsOf(List<Article> articles, Cards cards) {
        return articles.stream().map(a -> cards.get(a.url())).toList();
    }
}
