/**
 * The build pipeline: settings, sources, site model, rendering, output, in named stages; the problems found and
 * the summary of what was written.
 */
package dev.gazette.build;
