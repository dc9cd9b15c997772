package dev.gazette.source;

import dev.gazette.config.SiteConfig;
import dev.gazette.i18n.LanguageDetection;
import dev.gazette.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a raw scraped article ({@code NAME.txt}) into a {@link SourceDocument}: parts told apart by
 * {@link RawArticleParser}, language detected, and fields from {@code NAME.yaml} beside it (when present)
 * overriding what was extracted, so raw files stay exactly as received while editors add what they know.
 */
public final class RawArticleReader {

    /** A headline's language is only trusted this far: short texts are easily misread. */
    private static final double TITLE_CONFIDENCE = 0.95;

    private final RawArticleParser parser;
    private final Supplier<LanguageDetection> detection;

    /** @param detection built on first use, so sites without raw articles never load language profiles */
    public RawArticleReader(SiteConfig config, Supplier<LanguageDetection> detection) {
        this.parser = new RawArticleParser(Boilerplate.withSitePatterns(config.boilerplate()));
        this.detection = detection;
    }

    public RawArticleParser parser() {
        return parser;
    }

    /** @return the document, or null when the metadata file beside it is broken (reported against that file) */
    public SourceDocument read(Path file, String relativePath, String text, Instant modified, Problems problems)
            throws SourceException {
        return read(file, relativePath, text, modified, problems, false);
    }

    /** @param keepBody whether the body stays in memory instead of being read again when it is rendered */
    SourceDocument read(Path file, String relativePath, String text, Instant modified, Problems problems,
            boolean keepBody) throws SourceException {
        RawArticle raw = parser.parse(text);
        Optional<YamlMap> sidecar = sidecar(file, problems);
        if (sidecar == null) {
            return null;
        }
        YamlMap given = sidecar.orElse(YamlMap.EMPTY);
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        fields.put("title", raw.title());
        lines.put("title", 1);
        if (raw.source() != null) {
            fields.put("source", raw.source());
        }
        if (!raw.authors().isEmpty()) {
            fields.put("authors", raw.authors());
        }
        Object declared = given.values().get("lang");
        String lang = declared != null ? declared.toString() : detection.get().detect(raw.plainText()).orElse(null);
        if (lang != null) {
            fields.put("lang", lang);
            String title = given.values().get("title") instanceof String t ? t : raw.title();
            detection.get().detectShort(title, TITLE_CONFIDENCE)
                    .filter(titleLang -> !titleLang.equals(lang))
                    .ifPresent(titleLang -> fields.put("title_lang", titleLang));
        }
        if (raw.titleMade() != null && !(given.values().get("title") instanceof String)) {
            problems.warning(file, 1, "no headline line: " + raw.titleMade() + "; using '" + raw.title()
                    + "' as the title (add 'title:' to " + file.getFileName().toString().replaceFirst("\\.txt$", "")
                    + ".yaml beside it to give one)");
        }
        if (!raw.stripped().isEmpty()) {
            problems.note(file, 0, "stripped " + raw.stripped().size() + " trailing line(s) of site boilerplate: "
                    + String.join(" | ", raw.stripped()));
        }
        YamlMap extracted = new YamlMap(fields, lines);
        BodyText body = BodyText.of(raw.markdown(), bodyReader(file), keepBody);
        return new SourceDocument(file, relativePath, SourceFormat.RAW_TEXT, extracted.overriddenBy(given),
                body, raw.firstBodyLine(), modified);
    }

    /** Reads the body of a raw article again from its file. */
    BodyText.Reader bodyReader(Path file) {
        return () -> parser.parse(TextDecoder.decode(Files.readAllBytes(file)).text()).markdown();
    }

    /**
     * Which metadata file lies beside a raw article, with its size and time ("" when none), so a cached reading
     * of the article is dropped when that file changes.
     */
    static String sidecarStamp(Path file) throws IOException {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        StringBuilder stamp = new StringBuilder();
        for (String extension : new String[] {".yaml", ".yml"}) {
            Path meta = file.resolveSibling(base + extension);
            if (Files.isRegularFile(meta)) {
                stamp.append(extension).append(' ').append(Files.size(meta)).append(' ')
                        .append(Files.getLastModifiedTime(meta).toInstant()).append(';');
            }
        }
        return stamp.toString();
    }

    /** The NAME.yaml (or NAME.yml) beside NAME.txt; empty when there is none; null when it is broken. */
    private static Optional<YamlMap> sidecar(Path file, Problems problems) {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        for (String extension : new String[] {".yaml", ".yml"}) {
            Path meta = file.resolveSibling(base + extension);
            if (!Files.isRegularFile(meta)) {
                continue;
            }
            try {
                return Optional.of(YamlReader.read(TextDecoder.decode(Files.readAllBytes(meta)).text(), 1));
            } catch (SourceException e) {
                problems.error(meta, e.line(), e.getMessage());
                return null;
            } catch (IOException e) {
                problems.error(meta, 0, "cannot read: " + e.getMessage());
                return null;
            }
        }
        return Optional.empty();
    }
}
