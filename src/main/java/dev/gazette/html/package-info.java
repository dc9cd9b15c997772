/**
 * HTML after Markdown: sanitizing, heading anchors, figures, image sizes and lazy loading, links between
 * articles, and the plain text behind summaries and word counts; through jsoup, but for news copy, whose few
 * elements are processed as Markdown sends them.
 */
package dev.gazette.html;
