/**
 * Where pages go: a staging folder beside the output that replaces it only when the build succeeds, and the
 * checks that keep a build from ever writing over the site's own files.
 */
package dev.gazette.output;
