package dev.gazette.build;

import dev.gazette.content.AuthorProfile;
import dev.gazette.content.Slugs;
import dev.gazette.problem.Problems;
import dev.gazette.source.FrontMatter;
import dev.gazette.source.SourceException;
import dev.gazette.source.TextDecoder;
import dev.gazette.source.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** A site's data files: data/authors.yaml (author profiles) and i18n/LANG.yaml (UI strings). */
final class SiteData {

    private SiteData() {
    }

    /**
     * Author profiles. The file is a list of entries, or a mapping from a key to an entry; an entry has
     * {@code name} (required; the key when missing), {@code slug}, {@code bio}, {@code avatar}, {@code url} and
     * {@code social} (network to URL).
     */
    static List<AuthorProfile> authors(Path site, Problems problems) throws IOException {
        Path file = site.resolve("data/authors.yaml");
        Object data = read(file, problems);
        List<AuthorProfile> profiles = new ArrayList<>();
        if (data == null) {
            return profiles;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        if (data instanceof List<?> list) {
            list.forEach(item -> entries.add(Map.entry("", item)));
        } else if (data instanceof Map<?, ?> map) {
            map.forEach((key, value) -> entries.add(Map.entry(String.valueOf(key), value)));
        } else {
            problems.error(file, 1, "expected a list of authors, or a mapping from a key to an author");
            return profiles;
        }
        for (Map.Entry<String, Object> entry : entries) {
            if (!(entry.getValue() instanceof Map<?, ?> fields)) {
                problems.error(file, 0, "author '" + entry.getKey() + "': expected name, bio, avatar ...");
                continue;
            }
            String name = text(fields.get("name"), entry.getKey());
            if (name.isEmpty()) {
                problems.error(file, 0, "an author entry has no name");
                continue;
            }
            Map<String, String> social = new LinkedHashMap<>();
            if (fields.get("social") instanceof Map<?, ?> links) {
                links.forEach((network, url) -> social.put(String.valueOf(network), String.valueOf(url)));
            }
            String slug = Slugs.of(text(fields.get("slug"), name));
            profiles.add(new AuthorProfile(name, slug, text(fields.get("bio"), ""), blank(text(fields.get("avatar"), "")),
                    blank(text(fields.get("url"), "")), social));
        }
        return profiles;
    }

    /**
     * What a section is about, as Hugo sites write it: {@code content/world/_index.md} describes the section
     * whose slug is "world" with its {@code description} (or {@code summary}), else the first paragraph of its
     * text. By slug, in slug order; a file that cannot be read is an error naming it.
     */
    static Map<String, String> sectionTexts(Path site, Problems problems) throws IOException {
        Map<String, String> texts = new java.util.TreeMap<>();
        Path content = site.resolve("content");
        if (!Files.isDirectory(content)) {
            return texts;
        }
        try (Stream<Path> files = Files.walk(content, 8)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("_index.md")).sorted().toList()) {
                Path folder = file.getParent();
                if (folder.equals(content) || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    FrontMatter split = FrontMatter.split(TextDecoder.decode(Files.readAllBytes(file)).text());
                    Map<String, Object> fields = split.fields().values();
                    String text = text(fields.get("description"), text(fields.get("summary"), ""));
                    if (text.isEmpty()) {
                        text = firstParagraph(split.body());
                    }
                    if (!text.isEmpty()) {
                        texts.put(Slugs.of(folder.getFileName().toString()), text);
                    }
                } catch (SourceException e) {
                    problems.error(file, e.line(), e.getMessage());
                }
            }
        }
        return texts;
    }

    /** The first paragraph of Markdown (headings skipped) as plain text: links keep their words, emphasis marks go. */
    private static String firstParagraph(String markdown) {
        for (String block : markdown.strip().split("\\n\\s*\\n")) {
            if (block.startsWith("#")) {
                continue; // a heading, not what the section is about
            }
            String text = block.replaceAll("!\\[[^\\]]*]\\([^)]*\\)", "").replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                    .replaceAll("[*_`#>]+", "").replaceAll("\\{\\{[<%].*?[>%]}}", "").replaceAll("\\s+", " ").strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** UI strings by language, from i18n/fr.yaml ... (flat {@code key: text} mappings). */
    static Map<String, Map<String, String>> strings(Path site, Problems problems) throws IOException {
        Map<String, Map<String, String>> byLanguage = new HashMap<>();
        Path folder = site.resolve("i18n");
        if (!Files.isDirectory(folder)) {
            return byLanguage;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                    continue;
                }
                String lang = name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
                Object data = read(file, problems);
                if (data == null) {
                    continue;
                }
                if (!(data instanceof Map<?, ?> map)) {
                    problems.error(file, 1, "expected 'key: text' lines");
                    continue;
                }
                Map<String, String> strings = new HashMap<>();
                map.forEach((key, value) -> strings.put(String.valueOf(key), String.valueOf(value)));
                byLanguage.put(lang, strings);
            }
        }
        return byLanguage;
    }

    private static Object read(Path file, Problems problems) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return YamlReader.readValue(TextDecoder.decode(Files.readAllBytes(file)).text());
        } catch (SourceException e) {
            problems.error(file, e.line(), e.getMessage());
            return null;
        }
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString().strip();
    }

    private static String blank(String text) {
        return text.isEmpty() ? null : text;
    }
}
