/**
 * The resident build process: {@code bin/gazette build} hands its command to a build server left running by an
 * earlier build, which runs it in a JVM whose code is already loaded and compiled, and relays its output and exit
 * code. A JVM starting cold spends most of a small rebuild loading classes and compiling the code that runs
 * (docs/performance.md); a warm one does not. The server listens on a Unix socket in a folder only its user can
 * open, serves one command at a time, and exits when idle or when its jar changes. Only {@code build} is served;
 * the client reports {@link BuildClient#NO_SERVER} when there is no server, and the launcher then builds in its
 * own JVM as before.
 */
package dev.gazette.daemon;
