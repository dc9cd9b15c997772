/** Languages: UI strings of the theme in each language, dates formatted for a locale, and language detection. */
package dev.gazette.i18n;
