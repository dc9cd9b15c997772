package dev.gazette.source;

/** How an article file is written. */
public enum SourceFormat {
    /** Markdown with optional YAML front matter. */
    MARKDOWN,
    /** Raw article text as scraped from a news site, with optional metadata in a YAML file beside it. */
    RAW_TEXT
}
