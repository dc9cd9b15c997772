package dev.gazette.build;

import dev.gazette.content.ArchiveYear;
import dev.gazette.content.Article;
import dev.gazette.content.Pager;
import dev.gazette.content.Taxonomy;
import dev.gazette.content.Term;

/** A page the build will write; every page is planned, and checked for URL clashes, before any is rendered. */
sealed interface PlannedPage {

    /** The page's site path ("/2022/11/slug/"), or the file name for pages outside the URL space ("404.html"). */
    String url();

    /** What asked for the page, for error messages ("content/world/a.md", "the tag page for 'Ukraine'"). */
    String origin();

    record ArticlePage(Article article) implements PlannedPage {
        public String url() {
            return article.url();
        }

        public String origin() {
            return "content/" + article.relativePath();
        }
    }

    /** The front page and its later pages. */
    record HomePage(Pager<Article> pager) implements PlannedPage {
        public String url() {
            return pager.url();
        }

        public String origin() {
            return "page " + pager.number() + " of the front page";
        }
    }

    /** A multilingual site's front page for one language ("/fr/", "/fr/page/2/"). */
    record LanguageHomePage(String lang, Pager<Article> pager) implements PlannedPage {
        public String url() {
            return pager.url();
        }

        public String origin() {
            return "page " + pager.number() + " of the '" + lang + "' front page";
        }
    }

    record TermPage(Taxonomy taxonomy, Term term, Pager<Article> pager) implements PlannedPage {
        public String url() {
            return pager.url();
        }

        public String origin() {
            return "page " + pager.number() + " of the " + taxonomy.name() + " page for '" + term.name() + "'";
        }
    }

    record TaxonomyIndexPage(Taxonomy taxonomy) implements PlannedPage {
        public String url() {
            return taxonomy.url();
        }

        public String origin() {
            return "the index of " + taxonomy.name();
        }
    }

    record ArchivePage(ArchiveYear year) implements PlannedPage {
        public String url() {
            return year.url();
        }

        public String origin() {
            return "the archive of " + year.year();
        }
    }

    record SearchPage(String url) implements PlannedPage {
        public String origin() {
            return "the search page";
        }
    }

    /** A page of the site that is not an article (undated: about, contact), with its own template. */
    record StandalonePage(Article article) implements PlannedPage {
        public String url() {
            return article.url();
        }

        public String origin() {
            return "content/" + article.relativePath();
        }
    }

    /** A page at an article's old address (an alias or redirect_from) that sends the reader on to it. */
    record RedirectPage(String url, Article article) implements PlannedPage {
        public String origin() {
            return "an alias of content/" + article.relativePath();
        }
    }

    record NotFoundPage() implements PlannedPage {
        public String url() {
            return "404.html";
        }

        public String origin() {
            return "the 404 page";
        }
    }
}
