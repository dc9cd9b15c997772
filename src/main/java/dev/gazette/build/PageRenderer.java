package dev.gazette.build;

import dev.gazette.content.ArchiveYear;
import dev.gazette.content.Article;
import dev.gazette.content.Pager;
import dev.gazette.content.Site;
import dev.gazette.content.Term;
import dev.gazette.html.RenderedBody;
import dev.gazette.i18n.DateFormats;
import dev.gazette.i18n.UiStrings;
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

    PageRenderer(Site site, UiStrings strings, ViewFactory views) {
        this.site = site;
        this.strings = strings;
        this.views = views;
        this.siteView = views.site();
    }

    PageModel article(Article article, RenderedBody body) {
        ArticleView view = views.article(article, body);
        String canonical = article.canonicalUrl() != null ? article.canonicalUrl() : views.absolute(article.url());
        PageView page = new PageView("article", article.title(), ViewFactory.description(view.summary()),
                article.url(), canonical, article.lang());
        return new PageModel("article.html", Views.model("site", siteView, "page", page, "article", view));
    }

    PageModel home(Pager<Article> pager, Map<String, ArticleView> cards) {
        String lang = site.config().language();
        String title = pager.number() == 1 ? site.config().title()
                : site.config().title() + " – " + strings.format(lang, "page_of", pager.number(), pager.totalPages());
        PageView page = new PageView("home", title, ViewFactory.description(site.config().description()),
                pager.url(), views.absolute(pager.url()), lang);
        return new PageModel("list.html", Views.model("site", siteView, "page", page,
                "heading", strings.format(lang, "latest"), "term", null,
                "articles", cardsOf(pager.items(), cards), "pager", ViewFactory.pager(pager)));
    }

    PageModel term(String taxonomy, Term term, Pager<Article> pager, Map<String, ArticleView> cards) {
        String lang = site.config().language();
        String title = pager.number() == 1 ? term.name()
                : term.name() + " – " + strings.format(lang, "page_of", pager.number(), pager.totalPages());
        PageView page = new PageView(taxonomy, title, "", pager.url(), views.absolute(pager.url()), lang);
        return new PageModel("list.html", Views.model("site", siteView, "page", page,
                "heading", term.name(), "term", new LinkView(term.name(), term.url(), term.articles().size()),
                "articles", cardsOf(pager.items(), cards), "pager", ViewFactory.pager(pager)));
    }

    PageModel taxonomyIndex(dev.gazette.content.Taxonomy taxonomy) {
        String lang = site.config().language();
        String title = views.taxonomyTitle(taxonomy.name(), lang);
        List<LinkView> terms = taxonomy.terms().stream()
                .map(t -> new LinkView(t.name(), t.url(), t.articles().size())).toList();
        PageView page = new PageView("taxonomy", title, "", taxonomy.url(), views.absolute(taxonomy.url()), lang);
        return new PageModel("terms.html", Views.model("site", siteView, "page", page,
                "taxonomy", new TaxonomyView(taxonomy.name(), title, taxonomy.url(), terms)));
    }

    PageModel archive(ArchiveYear year, Map<String, ArticleView> cards) {
        String lang = site.config().language();
        List<MonthView> months = year.months().stream()
                .map(m -> new MonthView(DateFormats.monthYear(m.month(), lang), m.month().toString(),
                        cardsOf(m.articles(), cards)))
                .toList();
        List<LinkView> years = site.years().stream()
                .map(y -> new LinkView(String.valueOf(y.year()), y.url(), y.articleCount())).toList();
        String title = strings.format(lang, "archive") + " " + year.year();
        PageView page = new PageView("archive", title, "", year.url(), views.absolute(year.url()), lang);
        return new PageModel("archive.html", Views.model("site", siteView, "page", page,
                "year", year.year(), "months", months, "years", years));
    }

    PageModel notFound() {
        String lang = site.config().language();
        String url = site.url("/404.html");
        PageView page = new PageView("404", strings.format(lang, "not_found_title"), "", url, views.absolute(url), lang);
        return new PageModel("404.html", Views.model("site", siteView, "page", page));
    }

    private static List<ArticleView> cardsOf(List<Article> articles, Map<String, ArticleView> cards) {
        return articles.stream().map(a -> cards.get(a.url())).toList();
    }
}
