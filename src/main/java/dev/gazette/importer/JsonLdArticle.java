package dev.gazette.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The schema.org article described by a page's JSON-LD (NewsArticle, Article, BlogPosting ...), if any. */
record JsonLdArticle(String headline, String datePublished, String dateModified, List<String> authors,
        String publisher, String image, String inLanguage, String description) {

    /** Finds the first article among decoded JSON-LD values: a single object, a list, or an {@code @graph}. */
    static JsonLdArticle find(List<Object> documents) {
        for (Object document : documents) {
            Map<?, ?> article = findArticle(document);
            if (article != null) {
                return new JsonLdArticle(text(article.get("headline")), text(article.get("datePublished")),
                        text(article.get("dateModified")), names(article.get("author")), name(article.get("publisher")),
                        url(article.get("image")), text(article.get("inLanguage")), text(article.get("description")));
            }
        }
        return null;
    }

    private static Map<?, ?> findArticle(Object value) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> found = findArticle(item);
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            if (isArticleType(map.get("@type"))) {
                return map;
            }
            return findArticle(map.get("@graph"));
        }
        return null;
    }

    private static boolean isArticleType(Object type) {
        if (type instanceof List<?> types) {
            return types.stream().anyMatch(JsonLdArticle::isArticleType);
        }
        return type instanceof String name && (name.endsWith("Article") || name.equals("BlogPosting"));
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static String name(Object value) {
        if (value instanceof Map<?, ?> map) {
            return text(map.get("name"));
        }
        return text(value);
    }

    private static List<String> names(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> {
                String name = name(item);
                if (name != null) {
                    names.add(name);
                }
            });
        } else if (name(value) != null) {
            names.add(name(value));
        }
        return names;
    }

    private static String url(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : url(list.get(0));
        }
        if (value instanceof Map<?, ?> map) {
            return text(map.get("url"));
        }
        return text(value);
    }
}
