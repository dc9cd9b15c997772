/** What went wrong and where: problems found while building, each naming a file and a line. */
package dev.gazette.problem;
