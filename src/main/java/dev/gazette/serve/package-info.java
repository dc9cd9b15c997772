/**
 * The development server of {@code gazette serve}: builds the site into a private folder, serves it over the JDK's
 * HTTP server on loopback, watches the site's folders and rebuilds on a change, and reloads open browsers through
 * Server-Sent Events.
 */
package dev.gazette.serve;
