/**
 * The site model: articles with their slugs, dates and permalinks, taxonomies and terms, archives and pagination,
 * immutable once built and checked for URL collisions.
 */
package dev.gazette.content;
