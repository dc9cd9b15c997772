package dev.gazette.html;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What an article page's HTML says about the article, each field null (or empty) when the page does not say.
 *
 * @param bodyHtml the article's body: the {@code <article>} or {@code <main>} element without its title,
 *     byline, navigation, share widgets and scripts
 * @param bodyText the body's plain text, for language detection
 * @param jsonLd the text of each {@code <script type="application/ld+json">}, for the caller to decode
 */
public record ExtractedPage(String title, List<String> authors, String date, String modified, String siteName,
        String lang, String canonicalUrl, String image, String description, String bodyHtml, String bodyText,
        List<String> jsonLd) {

    public ExtractedPage {
        requireNonNull(bodyHtml, "bodyHtml is null");
        authors = List.copyOf(authors);
        jsonLd = List.copyOf(jsonLd);
    }
}
