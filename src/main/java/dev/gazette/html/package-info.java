/**
 * HTML after Markdown, through jsoup: sanitizing, heading anchors, figures, image sizes and lazy loading, links
 * between articles, and the plain text behind summaries and word counts.
 */
package dev.gazette.html;
