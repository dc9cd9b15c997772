/** The site's settings: an immutable {@link dev.gazette.config.SiteConfig}, read from site.yaml and validated once. */
package dev.gazette.config;
