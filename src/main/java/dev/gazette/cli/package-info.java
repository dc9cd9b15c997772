/** The command line: picocli commands that turn options into requests, delegate, and return an exit code. */
package dev.gazette.cli;
