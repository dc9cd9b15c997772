package dev.gazette.content;

import static java.util.Objects.requireNonNull;

import dev.gazette.source.BodyText;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * One article of the site, its fields interpreted and checked. The body is still Markdown: rendering happens
 * later, once every article's URL is known.
 *
 * @param file the file it came from (absolute)
 * @param relativePath its path under content/
 * @param titleLang the title's language when it differs from the body's (a raw article's English headline
 *     over French copy), else null
 * @param url site path of its page, with the base path ("/2022/11/burns-ankara/")
 * @param lastmod when it was last changed; equal to {@code date} when the front matter does not say
 * @param terms the article's terms for each configured taxonomy, by taxonomy name
 * @param summary the summary or description from front matter, or null
 * @param source the news agency or outlet the copy comes from ("CNN", "Reuters"), or null
 * @param canonicalUrl the original's URL for syndicated copy, or null
 * @param body the Markdown body, read from the file when the article is rendered
 * @param bodyLine the file line the body starts on
 * @param corrections corrections published with the article, oldest first; the newest moves {@code lastmod}
 * @param featured whether the front page should lead with it
 * @param breaking whether it is breaking news (leads the front page, flagged)
 * @param page whether it is a page rather than an article (a Markdown file without a date, such as a Hugo or
 *     Jekyll site's about page): it gets its own page at its path but appears in no list, feed or archive, and
 *     its {@code date} means nothing
 * @param aliases other site paths of the article, base path included (Hugo's aliases, Jekyll's redirect_from):
 *     each gets a page that redirects to it
 * @param sourceDigest a digest of everything the article was read from but its body (its file's fields, path,
 *     format, body line, and for raw text the file's time): every other component is a function of these and
 *     of the site settings, so builds compare this instead of the article's fields
 */
public record Article(
        Path file,
        String relativePath,
        String title,
        String titleLang,
        String slug,
        String url,
        ZonedDateTime date,
        ZonedDateTime lastmod,
        ZonedDateTime publishDate,
        ZonedDateTime expiryDate,
        boolean draft,
        List<String> authors,
        List<String> tags,
        List<String> categories,
        Map<String, List<String>> terms,
        String summary,
        String lang,
        ArticleImage image,
        String source,
        String canonicalUrl,
        String translationKey,
        BodyText body,
        int bodyLine,
        List<Correction> corrections,
        boolean featured,
        boolean breaking,
        boolean page,
        List<String> aliases,
        String sourceDigest) {

    public Article {
        requireNonNull(file, "file is null");
        requireNonNull(relativePath, "relativePath is null");
        requireNonNull(title, "title is null");
        requireNonNull(slug, "slug is null");
        requireNonNull(url, "url is null");
        requireNonNull(date, "date is null");
        requireNonNull(lastmod, "lastmod is null");
        requireNonNull(lang, "lang is null");
        requireNonNull(body, "body is null");
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        terms = Map.copyOf(terms);
        corrections = List.copyOf(corrections);
        aliases = List.copyOf(aliases);
    }

    /** The output file of the article's page, relative to the output folder ("2022/11/burns-ankara/index.html"). */
    public String outputPath(String basePath) {
        return Urls.outputPath(url, basePath);
    }

    public List<String> termsOf(String taxonomy) {
        return terms.getOrDefault(taxonomy, List.of());
    }
}
