/** Markdown to HTML: one Flexmark parser and renderer, configured once and shared by every rendering thread. */
package dev.gazette.markdown;
