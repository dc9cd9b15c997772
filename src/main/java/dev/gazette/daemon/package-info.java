/**
 * The resident build process: {@code bin/gazette build} hands its command to a build server left running by an
 * earlier build, which runs it in a JVM whose code is already loaded and compiled, and relays its output and exit
 * code. A JVM starting cold spends most of a small rebuild loading classes and compiling the code that runs
 * (docs/performance.md); a warm one does not. The server listens on a Unix socket in a folder only its user can
 * open (for {@link BuildClient}) and on a loopback TCP port whose token only its user can read (for the
 * launcher's bash client, {@link Wire.Lines}), serves one command at a time, rehearses the site that started it
 * until its first client comes, and exits when idle or when its jar changes. Only {@code build} is served; a
 * client reports {@link BuildClient#NO_SERVER} when there is no server, and the launcher then builds in its own
 * JVM as before.
 */
package dev.gazette.daemon;
