package dev.gazette.build;

import dev.gazette.content.Article;
import dev.gazette.html.RenderedBody;
import dev.gazette.templates.Views.ArticleView;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Card views (articles as lists and feeds show them) by article URL, each made the first time a page or feed
 * that shows it is made: a rebuild that keeps most lists and feeds makes few of them.
 */
final class Cards {

    private final ViewFactory views;
    private final Map<String, Article> articles;
    private final Map<String, RenderedBody> bodies;
    private final Map<String, ArticleView> made = new ConcurrentHashMap<>();

    /** @param bodies each article's body facts by URL, filled in as bodies are rendered or read from the cache */
    Cards(ViewFactory views, Map<String, Article> articles, Map<String, RenderedBody> bodies) {
        this.views = views;
        this.articles = articles;
        this.bodies = bodies;
    }

    ArticleView get(String url) {
        return made.computeIfAbsent(url, u -> views.card(articles.get(u), bodies.get(u)));
    }

    /** Whether a view is the card this build made for its article (and not another view of it). */
    boolean isCard(ArticleView view) {
        return made.get(view.url()) == view;
    }
}
