/**
 * Pages from Pebble templates: the theme (a site's templates/ over the built-in one), the engine configured once
 * with autoescaping and strict variables, its functions, and the view records templates see.
 */
package dev.gazette.templates;
