package dev.gazette.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One article file as read from disk, before any interpretation of its fields: Markdown files and raw text files
 * both end up as this, so everything downstream treats them alike.
 *
 * @param file absolute path of the file
 * @param relativePath path under content/, with '/' separators (for example "world/2022-11-14-burns.md")
 * @param fields front matter (or, for raw text, what was extracted and what the metadata file says)
 * @param body the Markdown text of the body, read on demand
 * @param bodyLine file line where the body starts
 * @param modified the file's modification time
 * @param fieldsDigest {@link FieldsDigest} of {@code fields}
 */
public record SourceDocument(
        Path file,
        String relativePath,
        SourceFormat format,
        YamlMap fields,
        BodyText body,
        int bodyLine,
        Instant modified,
        String fieldsDigest) {

    public SourceDocument(Path file, String relativePath, SourceFormat format, YamlMap fields, BodyText body,
            int bodyLine, Instant modified) {
        this(file, relativePath, format, fields, body, bodyLine, modified, FieldsDigest.of(fields));
    }

    public SourceDocument {
        requireNonNull(file, "file is null");
        requireNonNull(relativePath, "relativePath is null");
        requireNonNull(format, "format is null");
        requireNonNull(fields, "fields is null");
        requireNonNull(body, "body is null");
        requireNonNull(modified, "modified is null");
        requireNonNull(fieldsDigest, "fieldsDigest is null");
    }

    /** The file name without its extension ("2022-11-14-burns" for "world/2022-11-14-burns.md"). */
    public String baseName() {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The first folder under content/, or "" for a file directly in it. */
    public String section() {
        int slash = relativePath.indexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }
}
