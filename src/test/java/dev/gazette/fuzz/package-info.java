/** Fuzz tests of the parsers that read what users and scrapers write: they may refuse input, never crash. */
package dev.gazette.fuzz;
