/** Importing: raw scraped text and saved article pages turned into Markdown articles with front matter. */
package dev.gazette.importer;
