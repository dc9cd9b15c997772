package dev.gazette.content;

import static java.util.Objects.requireNonNull;

/**
 * An article's lead image.
 *
 * @param src URL or site path of the image as written in front matter
 * @param alt text alternative, "" when the image is decorative
 * @param caption caption shown under the image, or null
 * @param credit photographer or agency, or null
 */
public record ArticleImage(String src, String alt, String caption, String credit) {

    public ArticleImage {
        requireNonNull(src, "src is null");
        requireNonNull(alt, "alt is null");
    }
}
