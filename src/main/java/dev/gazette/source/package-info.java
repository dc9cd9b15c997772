/**
 * Reading article files: walking content/, bytes to text, splitting and decoding YAML front matter, and extracting
 * articles from raw scraped text, all into the same {@link dev.gazette.source.SourceDocument}.
 */
package dev.gazette.source;
