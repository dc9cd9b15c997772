package dev.gazette.build;

import dev.gazette.content.Article;
import dev.gazette.content.ArticleImage;
import dev.gazette.content.AuthorProfile;
import dev.gazette.content.Pager;
import dev.gazette.content.RelatedArticles;
import dev.gazette.content.Site;
import dev.gazette.content.Slugs;
import dev.gazette.content.Taxonomy;
import dev.gazette.content.Term;
import dev.gazette.html.RenderedBody;
import dev.gazette.i18n.DateFormats;
import dev.gazette.i18n.Typography;
import dev.gazette.i18n.UiStrings;
import dev.gazette.media.ImageSize;
import dev.gazette.media.ImageSizes;
import dev.gazette.media.ResponsiveImages;
import dev.gazette.resident.ParsedFiles;
import dev.gazette.templates.Views.ArticleView;
import dev.gazette.templates.Views.AuthorView;
import dev.gazette.templates.Views.CorrectionView;
import dev.gazette.templates.Views.Translation;
import dev.gazette.templates.Views.DateView;
import dev.gazette.templates.Views.ImageView;
import dev.gazette.templates.Views.LinkView;
import dev.gazette.templates.Views.PageLink;
import dev.gazette.templates.Views.PagerView;
import dev.gazette.templates.Views.RelatedView;
import dev.gazette.syndication.FeedItem;
import dev.gazette.syndication.StructuredData;
import dev.gazette.templates.Views.SiteView;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps the site model and rendered bodies to the view records templates see. Immutable; shared by threads. */
final class ViewFactory {

    /** Words a reader gets through per minute, for "4 min read". */
    /**
     * Silent reading speed of adults in words per minute, by language (Trauzettel-Klosinski and Dietz, 2012,
     * "Standardized assessment of reading performance", 17 languages); other languages use the English figure.
     */
    private static final Map<String, Integer> WORDS_PER_MINUTE = Map.of(
            "en", 228, "fr", 195, "de", 179, "es", 218, "it", 188, "pt", 181, "nl", 202);

    static int readingMinutes(int words, String lang) {
        return Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE.getOrDefault(DateFormats.primary(lang), 228)));
    }
    static final int NAV_SECTIONS = 7;
    private static final int DESCRIPTION_CHARS = 155;

    private final Site site;
    private final ImageSizes imageSizes;
    private final UiStrings strings;
    private final String version;
    private final Map<String, Map<String, Term>> termsBySlug = new HashMap<>();
    private final RelatedArticles related;
    private final Map<String, List<Article>> translationsByKey = new HashMap<>();

    /**
     * The related-articles index; in a resident process, made with the terms of its last build's (a rebuild after an
     * edit to one article's text makes them all again otherwise: a twentieth of a rebuild at 10,000 articles).
     */
    private static RelatedArticles relatedArticles(List<Article> articles) {
        if (!ParsedFiles.keptBetweenBuilds()) {
            return new RelatedArticles(articles);
        }
        RelatedArticles related = new RelatedArticles(articles,
                ParsedFiles.<RelatedArticles.Terms>get(RELATED_TERMS, List.of()).orElse(null));
        ParsedFiles.keep(RELATED_TERMS, List.of(), related.terms());
        return related;
    }

    private static final String RELATED_TERMS = "related-articles";

    ViewFactory(Site site, ImageSizes imageSizes, UiStrings strings, String version) {
        this.site = site;
        this.related = relatedArticles(site.articles());
        for (Article article : site.articles()) {
            if (article.translationKey() != null) {
                translationsByKey.computeIfAbsent(article.translationKey(), k -> new ArrayList<>()).add(article);
            }
        }
        translationsByKey.values().forEach(list -> list.sort(Comparator.comparing(Article::lang).thenComparing(Article::url)));
        this.imageSizes = imageSizes;
        this.strings = strings;
        this.version = version;
        for (Taxonomy taxonomy : site.taxonomies()) {
            Map<String, Term> terms = new HashMap<>();
            taxonomy.terms().forEach(term -> terms.put(term.slug(), term));
            termsBySlug.put(taxonomy.name(), terms);
        }
    }

    SiteView site() {
        var config = site.config();
        List<LinkView> sections = FrontPage.sections(site).stream()
                // uncounted: a count here would be on every page, and adding one article would change them all
                .map(t -> new LinkView(t.name(), t.url(), 0))
                .toList();
        List<LinkView> taxonomies = site.taxonomies().stream()
                .map(t -> new LinkView(taxonomyTitle(t.name(), config.language()), t.url(), t.terms().size()))
                .toList();
        String archive = site.years().isEmpty() ? null : site.years().get(0).url();
        List<LinkView> languages = config.languages().size() < 2 ? List.of() : config.languages().stream()
                .map(lang -> new LinkView(languageName(lang), site.url("/" + lang + "/"), 0)).toList();
        return new SiteView(config.title(), config.description(), config.language(), config.baseUrl(),
                site.url("/"), site.url("/assets/gazette.css"), sections, taxonomies, archive, site.url("/search/"),
                languages, "Gazette " + version);
    }

    /** A language's name in that language, capitalized ("Français", "Deutsch"). */
    static String languageName(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? lang : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** A taxonomy's heading in a language: the UI string of its name when there is one ("Mots-clés"), else its name. */
    String taxonomyTitle(String taxonomy, String lang) {
        String title = strings.forLanguage(lang).get(taxonomy);
        return title != null ? title : taxonomy.substring(0, 1).toUpperCase(Locale.ROOT) + taxonomy.substring(1);
    }

    /** The article as its own page shows it, body and related articles included. */
    ArticleView article(Article article, RenderedBody body) {
        return article(article, body, card(article, body));
    }

    /**
     * The article as its own page shows it, from its card: the card made from the same article and body has
     * every field but the body, the related articles and the translations.
     */
    ArticleView article(Article article, RenderedBody body, ArticleView card) {
        List<RelatedView> related = this.related.of(article).stream()
                .map(r -> new RelatedView(r.title(), r.url(), date(r.date(), r.lang()), r.lang()))
                .toList();
        return new ArticleView(card.title(), card.titleLang(), card.url(), card.lang(), card.date(), card.updated(),
                card.authors(), card.tags(), card.categories(), card.section(), card.summary(), card.standfirst(),
                card.image(), card.source(), card.canonicalUrl(), body.html(), card.wordCount(), card.readingMinutes(),
                related, card.corrections(), card.featured(), card.breaking(), translations(article));
    }

    /** The summary lists, feeds and the search index show: the front matter's, else the body's, typeset. */
    String summary(Article article, RenderedBody body) {
        return typeset(article.summary() != null ? article.summary() : body.summary(), article.lang());
    }

    /** The article as lists show it: no body. */
    ArticleView card(Article article, RenderedBody body) {
        return view(article, body, null, List.of());
    }

    /** The JSON-LD NewsArticle of an article's page. */
    String structuredData(Article article, ArticleView view, String canonical) {
        var config = site.config();
        List<FeedItem.Person> authors = view.authors().stream()
                .map(a -> new FeedItem.Person(a.name(), a.url() == null ? null : absolute(a.url()))).toList();
        List<String> keywords = new ArrayList<>(article.tags());
        return StructuredData.newsArticle(new StructuredData.Article(article.title(), absolute(article.url()), canonical,
                article.date(), article.lastmod(), authors, config.title(),
                config.logo() == null ? null : absolute(config.logo().startsWith("/") ? site.url(config.logo()) : config.logo()),
                view.image() == null ? null : absolute(view.image().src()), article.lang(), description(view.summary()),
                article.categories().isEmpty() ? null : article.categories().get(0), keywords, article.source()));
    }

    /** OpenGraph's locale for a language: "fr" gives "fr_FR", "pt-BR" gives "pt_BR". */
    static String ogLocale(String lang) {
        String[] parts = lang.split("-", 2);
        if (parts.length == 2) {
            return parts[0] + "_" + parts[1].toUpperCase(Locale.ROOT);
        }
        return switch (lang) {
            case "en" -> "en_US";
            case "fr", "de", "es", "it", "nl" -> lang + "_" + lang.toUpperCase(Locale.ROOT);
            case "pt" -> "pt_PT";
            default -> lang;
        };
    }

    private ArticleView view(Article article, RenderedBody body, String html, List<RelatedView> related) {
        String lang = article.lang();
        String summary = summary(article, body);
        List<CorrectionView> corrections = article.corrections().stream()
                .map(c -> new CorrectionView(date(c.date(), lang), typeset(c.text(), lang))).toList();
        return new ArticleView(typeset(article.title(), article.titleLang() != null ? article.titleLang() : lang),
                article.titleLang(), article.url(), lang, date(article.date(), lang),
                article.lastmod().isAfter(article.date()) ? date(article.lastmod(), lang) : null,
                links("authors", article.authors()), links("tags", article.tags()),
                links("categories", article.categories()),
                article.categories().isEmpty() ? null : links("categories", article.categories()).get(0),
                summary, typeset(article.summary(), lang), image(article.image()), article.source(), article.canonicalUrl(), html,
                body.wordCount(), readingMinutes(body.wordCount(), lang), related,
                corrections, article.featured(), article.breaking(), html == null ? List.of() : translations(article));
    }

    /** The text with every run of white space made one space, stripped at both ends. */
    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The meta description: the summary, cut at a word under {@value #DESCRIPTION_CHARS} characters. */
    static String description(String text) {
        String clean = text == null ? "" : collapseSpaces(text);
        if (clean.length() <= DESCRIPTION_CHARS) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', DESCRIPTION_CHARS - 1);
        return (cut > 0 ? clean.substring(0, cut) : clean.substring(0, DESCRIPTION_CHARS - 1)).replaceAll("[,;:.]$", "") + "…";
    }

    String absolute(String url) {
        return site.config().absoluteUrl(url);
    }

    static DateView date(ZonedDateTime date, String lang) {
        return new DateView(DateFormats.iso(date), DateFormats.longDate(date, lang), DateFormats.fullDate(date, lang));
    }

    /** Text as the language's typography wants it (French spacing), when the site keeps typography on. */
    String typeset(String text, String lang) {
        return text == null || !site.config().typography() ? text : Typography.apply(text, lang);
    }

    /** Every version of an article's story (itself included) by translation_key, in language order. */
    /**
     * What an article's own page shows of the rest of the site, besides the site view and settings: its related
     * articles, its other language versions and whether each of its terms has a page (tag links carry its URL,
     * not its count). Its page is a function of these, its own fields and body, and the site-wide views.
     */
    String pageDependencies(Article article, java.util.function.Function<Article, String> digests) {
        StringBuilder text = new StringBuilder(256);
        for (Article r : related.of(article)) {
            text.append('r').append(digests.apply(r));
        }
        if (article.translationKey() != null) {
            for (Article v : translationsByKey.getOrDefault(article.translationKey(), List.of())) {
                text.append('v').append(digests.apply(v));
            }
        }
        for (String taxonomy : List.of("authors", "tags", "categories")) {
            Map<String, Term> terms = termsBySlug.getOrDefault(taxonomy, Map.of());
            List<String> names = taxonomy.equals("authors") ? article.authors()
                    : taxonomy.equals("tags") ? article.tags() : article.categories();
            for (String name : names) {
                // whether the term has a page (its link's URL); links carry no counts
                text.append(taxonomy.charAt(0)).append(terms.containsKey(Slugs.ofName(name)) ? '+' : '-');
            }
        }
        return text.toString();
    }

    List<Translation> translations(Article article) {
        if (article.translationKey() == null) {
            return List.of();
        }
        List<Article> versions = translationsByKey.getOrDefault(article.translationKey(), List.of());
        if (versions.size() < 2) {
            return List.of();
        }
        return versions.stream()
                .map(v -> new Translation(v.lang(), absolute(v.url()), v.title(), v == article))
                .toList();
    }

    /** The profile of an author from data/authors.yaml, or null. */
    AuthorView author(Term term) {
        AuthorProfile profile = site.authors().get(term.slug());
        if (profile == null) {
            return null;
        }
        List<LinkView> links = new ArrayList<>();
        if (profile.url() != null) {
            links.add(new LinkView("Web", profile.url(), 0));
        }
        profile.social().forEach((network, url) -> links.add(new LinkView(network, url, 0)));
        String avatar = profile.avatar() == null ? null
                : profile.avatar().startsWith("/") && !profile.avatar().startsWith("//") ? site.url(profile.avatar()) : profile.avatar();
        return new AuthorView(profile.name(), profile.bio(), avatar, links);
    }

    /**
     * Links to each named term's page, or links without a URL when the taxonomy is not built. Uncounted: an
     * article's page (and its card) would otherwise change whenever an article sharing one of its terms is added
     * or removed, which on a news site is every page of a busy section.
     */
    List<LinkView> links(String taxonomy, List<String> names) {
        Map<String, Term> terms = termsBySlug.getOrDefault(taxonomy, Map.of());
        List<LinkView> links = new ArrayList<>(names.size());
        for (String name : names) {
            Term term = terms.get(Slugs.ofName(name));
            links.add(new LinkView(name, term == null ? null : term.url(), 0));
        }
        return links;
    }

    ImageView image(ArticleImage image) {
        if (image == null) {
            return null;
        }
        String src = image.src().startsWith("/") && !image.src().startsWith("//")
                && !image.src().startsWith(site.config().basePath()) ? site.url(image.src()) : image.src();
        Optional<ImageSize> size = imageSizes.sizeOf(src);
        return new ImageView(src, image.alt(), image.caption(), image.credit(),
                size.map(ImageSize::width).orElse(null), size.map(ImageSize::height).orElse(null),
                ResponsiveImages.srcset(imageSizes, src).orElse(null));
    }

    /** Pages shown on each side of the current one in a pager; the first and last are always shown. */
    static final int PAGER_WINDOW = 2;

    /**
     * A pager's page numbers: the first, the last, and {@value #PAGER_WINDOW} on each side of the current page,
     * with a gap entry (number 0, no URL) where numbers are skipped. Listing all of them would make every page of
     * a 5,000-page front page carry 5,000 links.
     */
    static PagerView pager(Pager<?> pager) {
        List<PageLink> pages = new ArrayList<>();
        int total = pager.totalPages();
        int current = pager.number();
        int last = 0;
        for (int n = 1; n <= total; n++) {
            boolean shown = n == 1 || n == total || Math.abs(n - current) <= PAGER_WINDOW;
            if (!shown) {
                continue;
            }
            if (n > last + 1) {
                pages.add(new PageLink(0, null, false));
            }
            pages.add(new PageLink(n, pager.pageUrls().get(n - 1), n == current));
            last = n;
        }
        return new PagerView(current, total, pager.previousUrl(), pager.nextUrl(), pages);
    }
}
