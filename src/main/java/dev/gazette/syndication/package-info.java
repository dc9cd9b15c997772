/**
 * Finding the news: RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds, sitemaps with a sitemap index, the Google News
 * sitemap, robots.txt, JSON-LD and the search index, all written with real writers so they are always well formed.
 */
package dev.gazette.syndication;
