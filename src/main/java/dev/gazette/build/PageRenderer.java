package dev.gazette.build;

import dev.gazette.content.ArchiveYear;
import dev.gazette.content.Article;
import dev.gazette.content.Pager;
import dev.gazette.content.Site;
import dev.gazette.content.Term;
import dev.gazette.html.RenderedBody;
import dev.gazette.i18n.DateFormats;
import dev.gazette.i18n.UiStrings;
import dev.gazette.templates.TemplateException;
import dev.gazette.templates.Theme;
import dev.gazette.templates.Views;
import dev.gazette.templates.Views.ArticleView;
import dev.gazette.templates.Views.LinkView;
import dev.gazette.templates.Views.MonthView;
import dev.gazette.templates.Views.PageView;
import dev.gazette.templates.Views.SiteView;
import dev.gazette.templates.Views.TaxonomyView;
import java.util.List;
import java.util.Map;

/**
 * Renders planned pages through the theme. Article pages need their rendered body; list pages need the cards
 * (article views without bodies) made while article pages were rendered.
 */
final class PageRenderer {

    private final Site site;
    private final Theme theme;
    private final UiStrings strings;
    private final ViewFactory views;
    private final SiteView siteView;

    PageRenderer(Site site, Theme theme, UiStrings strings, ViewFactory views) {
        this.site = site;
        this.theme = theme;
        this.strings = strings;
        this.views = views;
        this.siteView = views.site();
    }

    String article(Article article, RenderedBody body) throws TemplateException {
        ArticleView view = views.article(article, body);
        String canonical = article.canonicalUrl() != null ? article.canonicalUrl() : views.absolute(article.url());
        PageView page = new PageView("article", article.title(), ViewFactory.description(view.summary()),
                article.url(), canonical, article.lang());
        return theme.render("article.html", Views.model("site", siteView, "page", page, "article", view));
    }

    String home(Pager<Article> pager, Map<String, ArticleView> cards) throws TemplateException {
        String lang = site.config().language();
        String title = pager.number() == 1 ? site.config().title()
                : site.config().title() + " – " + strings.format(lang, "page_of", pager.number(), pager.totalPages());
        PageView page = new PageView("home", title, ViewFactory.description(site.config().description()),
                pager.url(), views.absolute(pager.url()), lang);
        return theme.render("list.html", Views.model("site", siteView, "page", page,
                "heading", strings.format(lang, "latest"), "term", null,
                "articles", cardsOf(pager.items(), cards), "pager", ViewFactory.pager(pager)));
    }

    String term(String taxonomy, Term term, Pager<Article> pager, Map<String, ArticleView> cards)
            throws TemplateException {
        String lang = site.config().language();
        String title = pager.number() == 1 ? term.name()
                : term.name() + " – " + strings.format(lang, "page_of", pager.number(), pager.totalPages());
        PageView page = new PageView(taxonomy, title, "", pager.url(), views.absolute(pager.url()), lang);
        return theme.render("list.html", Views.model("site", siteView, "page", page,
                "heading", term.name(), "term", new LinkView(term.name(), term.url(), term.articles().size()),
                "articles", cardsOf(pager.items(), cards), "pager", ViewFactory.pager(pager)));
    }

    String taxonomyIndex(dev.gazette.content.Taxonomy taxonomy) throws TemplateException {
        String lang = site.config().language();
        String title = views.taxonomyTitle(taxonomy.name(), lang);
        List<LinkView> terms = taxonomy.terms().stream()
                .map(t -> new LinkView(t.name(), t.url(), t.articles().size())).toList();
        PageView page = new PageView("taxonomy", title, "", taxonomy.url(), views.absolute(taxonomy.url()), lang);
        return theme.render("terms.html", Views.model("site", siteView, "page", page,
                "taxonomy", new TaxonomyView(taxonomy.name(), title, taxonomy.url(), terms)));
    }

    String archive(ArchiveYear year, Map<String, ArticleView> cards) throws TemplateException {
        String lang = site.config().language();
        List<MonthView> months = year.months().stream()
                .map(m -> new MonthView(DateFormats.monthYear(m.month(), lang), m.month().toString(),
                        cardsOf(m.articles(), cards)))
                .toList();
        List<LinkView> years = site.years().stream()
                .map(y -> new LinkView(String.valueOf(y.year()), y.url(), y.articleCount())).toList();
        String title = strings.format(lang, "archive") + " " + year.year();
        PageView page = new PageView("archive", title, "", year.url(), views.absolute(year.url()), lang);
        return theme.render("archive.html", Views.model("site", siteView, "page", page,
                "year", year.year(), "months", months, "years", years));
    }

    String notFound() throws TemplateException {
        String lang = site.config().language();
        String url = site.url("/404.html");
        PageView page = new PageView("404", strings.format(lang, "not_found_title"), "", url, views.absolute(url), lang);
        return theme.render("404.html", Views.model("site", siteView, "page", page));
    }

    private static List<ArticleView> cardsOf(List<Article> articles, Map<String, ArticleView> cards) {
        return articles.stream().map(a -> cards.get(a.url())).toList();
    }
}
