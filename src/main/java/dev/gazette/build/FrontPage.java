package dev.gazette.build;

import dev.gazette.content.Article;
import dev.gazette.content.Pager;
import dev.gazette.content.Site;
import dev.gazette.content.Taxonomy;
import dev.gazette.content.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the first page of the front page shows, as a newspaper lays it out: the lead story, a second tier of
 * {@value #TOP} stories, a block per section with its newest stories not shown above, then the rest of the newest
 * page. No story appears twice. Later pages of the front page are plain lists.
 *
 * @param lead the newest breaking story, else the newest featured one among the newest page, else the newest
 * @param sections blocks in the order of the sections in the site's navigation; none when the site has no
 *     categories
 */
record FrontPage(Article lead, List<Article> top, List<Block> sections, List<Article> rest) {

    /** Stories in the second tier, below the lead. */
    static final int TOP = 4;
    /** Stories in a section's block. */
    static final int PER_SECTION = 3;

    /** A section (a category) and its newest stories not shown above it. */
    record Block(Term term, List<Article> articles) {
    }

    static FrontPage of(Site site, Pager<Article> first) {
        List<Article> items = first.items();
        Article lead = lead(site);
        if (lead == null && !items.isEmpty()) {
            lead = items.get(0);
        }
        Set<Article> shown = new HashSet<>();
        if (lead != null) {
            shown.add(lead);
        }
        List<Article> top = new ArrayList<>();
        for (Article article : items) {
            if (top.size() < TOP && shown.add(article)) {
                top.add(article);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (Term term : sections(site)) {
            List<Article> newest = new ArrayList<>();
            for (Article article : term.articles()) {
                if (newest.size() == PER_SECTION) {
                    break;
                }
                if (!shown.contains(article)) {
                    newest.add(article);
                }
            }
            if (!newest.isEmpty()) {
                shown.addAll(newest);
                blocks.add(new Block(term, List.copyOf(newest)));
            }
        }
        List<Article> rest = items.stream().filter(a -> !shown.contains(a)).toList();
        return new FrontPage(lead, List.copyOf(top), List.copyOf(blocks), rest);
    }

    /** Every story the page shows, in the order it shows them. */
    List<Article> shown() {
        List<Article> all = new ArrayList<>();
        if (lead != null) {
            all.add(lead);
        }
        all.addAll(top);
        sections.forEach(b -> all.addAll(b.articles()));
        all.addAll(rest);
        return all;
    }

    /** The sections, as the navigation orders them: the largest first, then by name. */
    static List<Term> sections(Site site) {
        return site.taxonomies().stream()
                .filter(t -> t.name().equals("categories"))
                .map(Taxonomy::terms)
                .flatMap(List::stream)
                .sorted(Comparator.comparingInt((Term t) -> -t.articles().size()).thenComparing(Term::name))
                .limit(ViewFactory.NAV_SECTIONS)
                .toList();
    }

    /**
     * The newest breaking article, else the newest featured one, among the newest page of articles (an old
     * featured story does not stay on top for ever); null when there is none.
     */
    private static Article lead(Site site) {
        List<Article> recent = site.articles().subList(0, Math.min(site.articles().size(), site.config().pageSize()));
        return recent.stream().filter(Article::breaking).findFirst()
                .or(() -> recent.stream().filter(Article::featured).findFirst())
                .orElse(null);
    }
}
