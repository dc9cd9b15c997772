package dev.gazette.daemon;

import dev.gazette.cli.ExitCodes;
import dev.gazette.cli.Main;
import dev.gazette.resident.ParsedFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The resident build process: serves {@code gazette build} commands, one at a time, in one JVM, so that each
 * build after the first runs code that is already loaded and compiled. Clients come on its Unix socket
 * ({@link BuildClient}) or on a loopback TCP port with a token (the launcher's bash client, {@link Wire.Lines}).
 * It holds a lock beside its socket while it runs (a second server for the same socket gives way), rehearses the
 * site that started it until its first client comes, drops a client that sends no command within ten seconds,
 * and exits after {@code idle} without a command, or when the jar it was started from changes.
 */
public final class BuildServer {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Article pages a new server renders in rehearsal before its first client at least (see {@link #prepareFirst}):
     * the site's, round after round. About one clean build's work at 1,000 articles, thirty rounds of a 100-article
     * site.
     */
    static final int REHEARSAL_ARTICLES = 3000;
    /** Then it goes on until compiling took less than a tenth of two seconds, or 90 s in all (see {@link Rehearsal}). */
    static final Duration REHEARSAL_WINDOW = Duration.ofSeconds(2);
    static final int COMPILING_SHARE = 10;
    static final Duration MAX_REHEARSAL = Duration.ofSeconds(90);
    /**
     * Below this many articles the server's C2 compiler threads run at the lowest priority once the rehearsal is
     * over: a build of a small site is short, and the compiler then takes cores from it; at low priority it compiles
     * between builds instead (during the rehearsal it keeps its priority: compiling is what the rehearsal is for).
     * A long build needs its code compiled while it runs (10,000-article builds were 20-30% slower), so big sites
     * keep the default. One-way: a user cannot raise a thread's priority again. docs/performance.md has the
     * measurements.
     */
    static final int QUIET_COMPILER_BELOW = 5000;

    private final Path socket;
    private final Duration idle;
    private final Path code;
    private final String codeStamp;
    private volatile long lastUse = System.nanoTime();
    private volatile boolean building;
    private volatile SocketChannel waitingFor;
    private volatile ServerSocketChannel listening;
    /** Where to publish the loopback port and token of the launcher's line client (null: no such listener). */
    private final Path portFile;
    private volatile ServerSocketChannel listeningForLines;
    /** Builds are served one at a time, whichever listener they came from. */
    private final Object serving = new Object();
    /** A command run once the socket is bound, before the first client is served (its output is dropped). */
    private List<String> firstCommand = List.of();
    private Path firstCommandDir;
    /** Then run in the background until a client comes: a rehearsal of that build (empty: none). */
    private List<String> rehearsalCommand = List.of();
    /** The article pages the rehearsal renders at least. */
    private int rehearsalArticles;
    /** The rehearsal's thread while it runs; read and written only while holding {@link #serving}. */
    private Thread rehearsing;
    private volatile long waitingSince;
    private volatile String lineToken;
    /** Whether to lower the compiler's priority for a small site (only a server started by the launcher does). */
    private boolean quietCompiler;
    /** The prepared site's article count when the compiler may be quietened after the rehearsal (0: never). */
    private volatile int preparedArticles;

    BuildServer(Path socket, Duration idle) {
        this(socket, idle, null);
    }

    /** @param portFile where to publish a loopback port for the launcher's line client, or null */
    BuildServer(Path socket, Duration idle, Path portFile) {
        this.socket = socket;
        this.idle = idle;
        this.portFile = portFile;
        this.code = ServerAddress.codeLocation();
        this.codeStamp = stamp(code);
    }

    /**
     * Started by the launcher, in the background, after a build that found no server; its arguments are that
     * build's (a {@code build} command) and {@code gazette.daemon.dir} the folder it was started in: the server
     * reads that site and its caches before it serves anything (see {@code SiteBuilder.prepare}).
     */
    public static void main(String[] args) throws IOException {
        long minutes = Long.getLong("gazette.daemon.idle", 15);
        int rehearse = Integer.getInteger("gazette.daemon.rehearse", REHEARSAL_ARTICLES);
        // what a build read from its cache files, and the articles it read, serve the next build
        ParsedFiles.keepBetweenBuilds(true);
        Path socket = ServerAddress.socket();
        String portFile = System.getProperty("gazette.daemon.portfile");
        // only in the private folder the socket is in
        Path lines = portFile == null || !Path.of(portFile).getParent().equals(socket.getParent()) ? null
                : Path.of(portFile);
        BuildServer server = new BuildServer(socket, Duration.ofMinutes(Math.max(1, minutes)), lines);
        String dir = System.getProperty("gazette.daemon.dir");
        if (args.length > 0 && args[0].equals("build") && dir != null) {
            server.prepareFirst(Path.of(dir), List.of(args), rehearse);
            server.quietCompiler = true;
        }
        server.serve();
        System.exit(0);
    }

    /**
     * Before serving, reads the site of this build command, started in {@code dir}, and its caches; then, until the
     * first client comes, rehearses that build, writing nothing, at least {@code rehearse} article pages and then
     * while the compiler is busy (0: no rehearsal; see {@link #rehearse()} and {@code SiteBuilder.rehearse}).
     */
    void prepareFirst(Path dir, List<String> buildCommand, int rehearse) {
        List<String> prepare = new java.util.ArrayList<>(buildCommand);
        prepare.add("--prepare");
        firstCommand = prepare;
        firstCommandDir = dir;
        if (rehearse > 0) {
            List<String> rehearsing = new java.util.ArrayList<>(buildCommand);
            rehearsing.add("--rehearse=1"); // one round: the server decides when to stop
            rehearsalCommand = rehearsing;
            rehearsalArticles = rehearse;
        }
    }

    /** Rehearses the first build on a thread of its own; {@link #stopRehearsal} stops it. */
    private void startRehearsal() {
        if (rehearsalCommand.isEmpty()) {
            return;
        }
        rehearsing = new Thread(() -> {
            try {
                rehearse();
            } catch (RuntimeException e) {
                // a head start only
            } catch (OutOfMemoryError e) {
                // what the JVM holds now cannot be trusted: no server rather than a broken one
                System.exit(ExitCodes.IO);
            }
            quietCompilerFor(preparedArticles);
            if (!Thread.currentThread().isInterrupted()) {
                System.gc(); // give back what the rehearsal used
            }
        }, "gazette-server-rehearsal");
        rehearsing.setDaemon(true);
        rehearsing.start();
    }

    /** Rehearses the first build, one round (the whole site) at a time, for as long as {@link Rehearsal} says. */
    private void rehearse() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        LongSupplier compiled = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit::getTotalCompilationTime
                : () -> -1;
        Rehearsal rehearsal = new Rehearsal(rehearsalArticles, REHEARSAL_WINDOW, COMPILING_SHARE, MAX_REHEARSAL,
                System.nanoTime(), compiled.getAsLong());
        int round;
        do {
            round = countFrom(rehearsalCommand);
        } while (!Thread.currentThread().isInterrupted() && rehearsal.another(round, System.nanoTime(),
                compiled.getAsLong()));
    }

    /**
     * Runs one of the hidden head-start commands ({@code --prepare}, {@code --rehearse}) in the folder of the build
     * that started the server; returns the number it prints (articles read, article pages rendered), 0 if none.
     */
    private int countFrom(List<String> command) {
        StringWriter count = new StringWriter();
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        Main.run(firstCommandDir, new PrintWriter(count), none, command.toArray(String[]::new));
        try {
            return Integer.parseInt(count.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Stops the rehearsal, if it is still running, and waits for it: the client's build gets the cores. */
    private void stopRehearsal() {
        Thread thread = rehearsing;
        if (thread == null) {
            return;
        }
        rehearsing = null;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    /**
     * Serves commands until idle. Returns false at once when another server holds this socket's lock.
     */
    boolean serve() throws IOException {
        Path lockFile = ServerAddress.lock(socket);
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockChannel)) {
            if (lock == null) {
                return false;
            }
            // whatever socket file is there belongs to a server that is gone (a live one would hold the lock)
            Files.deleteIfExists(socket);
            // stopped by a signal (the finally below does not run): leave no socket or port file behind
            Thread cleanUp = new Thread(this::deleteAddresses, "gazette-server-clean-up");
            Runtime.getRuntime().addShutdownHook(cleanUp);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                listening = server;
                if (portFile != null) {
                    listenForLines();
                }
                if (!firstCommand.isEmpty()) {
                    // clients that connect meanwhile wait in the backlogs
                    synchronized (serving) {
                        try {
                            int articles = countFrom(firstCommand);
                            preparedArticles = quietCompiler ? articles : 0;
                        } catch (RuntimeException e) {
                            // a head start only
                        }
                        lastUse = System.nanoTime();
                        if (rehearsalCommand.isEmpty()) {
                            quietCompilerFor(preparedArticles);
                        }
                        startRehearsal();
                    }
                }
                Thread watchdog = new Thread(() -> watch(server), "gazette-server-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
                while (true) {
                    SocketChannel client;
                    try {
                        client = server.accept();
                    } catch (ClosedChannelException e) {
                        return true;
                    }
                    serveOne(client, false);
                }
            } finally {
                close(listeningForLines);
                synchronized (serving) {
                    // a command the other listener took is answered before the process exits
                    stopRehearsal();
                }
                deleteAddresses();
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanUp);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook runs, and finds nothing to delete
                }
            }
        }
    }

    /** Lowers the C2 compiler threads' priority when the prepared site (its article count) is small. */
    private static void quietCompilerFor(int count) {
        if (count == 0 || count >= QUIET_COMPILER_BELOW) {
            return;
        }
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).startsWith("C2 Compiler")) {
                    new ProcessBuilder("renice", "-n", "19", "-p", task.getFileName().toString())
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                            .waitFor();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc or no renice: the compiler keeps its priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the socket and the port file (this server holds the lock: they are its own). */
    private void deleteAddresses() {
        try {
            if (portFile != null) {
                Files.deleteIfExists(portFile);
            }
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // a later server replaces them
        }
    }

    /** Serves one client's command, after any other client's; its connection is closed after. */
    private void serveOne(SocketChannel client, boolean lines) {
        synchronized (serving) {
            stopRehearsal();
            try (client) {
                building = true;
                handle(client, lines);
            } catch (IOException e) {
                // the client went away; the next one is served as usual
            } finally {
                building = false;
                lastUse = System.nanoTime();
            }
            // give back what the build used before waiting for the next one
            System.gc();
        }
    }

    /**
     * Listens on a loopback TCP port for the launcher's own client (a few lines of bash: a JVM started only to
     * pass a command on costs about 0.1 s and 39 MB), and publishes the port with a random token in
     * {@link #portFile}, which only this user can read: a connection that does not send the token first is dropped.
     */
    private void listenForLines() throws IOException {
        ServerSocketChannel lines = ServerSocketChannel.open(StandardProtocolFamily.INET);
        // IPv4's loopback, whatever the JVM prefers: the launcher looks the port up in /proc/net/tcp
        lines.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
        listeningForLines = lines;
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        String token = java.util.HexFormat.of().formatHex(random);
        int port = ((java.net.InetSocketAddress) lines.getLocalAddress()).getPort();
        Path temporary = portFile.resolveSibling(portFile.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.writeString(Files.createFile(temporary, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))), port + " " + token + "\n");
        Files.move(temporary, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        lineToken = token;
        Thread acceptor = new Thread(() -> {
            while (true) {
                SocketChannel client;
                try {
                    client = lines.accept();
                } catch (IOException e) {
                    return; // closed
                }
                serveOne(client, true);
            }
        }, "gazette-server-lines");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The lock, or null when another server (in this process or another) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Stops serving once the command being served, if any, is answered. */
    void stop() {
        close(listeningForLines);
        close(listening);
    }

    private void handle(SocketChannel client, boolean lines) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
        waitingSince = System.nanoTime();
        waitingFor = client;
        Wire.Request request;
        try {
            request = lines ? Wire.Lines.read(in, lineToken) : Wire.Request.read(in);
        } finally {
            waitingFor = null;
        }
        Hangup hangup = new Hangup(client, Thread.currentThread());
        try {
            if (lines) {
                PrintWriter stdout = new PrintWriter(new Wire.Lines.LineWriter(out, 'O'), true);
                PrintWriter stderr = new PrintWriter(new Wire.Lines.LineWriter(out, 'E'), true);
                int exit = run(request, stdout, stderr, () -> Wire.Lines.writeExit(out, ExitCodes.IO));
                stdout.close();
                stderr.close();
                Wire.Lines.writeExit(out, exit);
            } else {
                PrintWriter stdout = new PrintWriter(new Wire.FrameWriter(out, Wire.OUT), true);
                PrintWriter stderr = new PrintWriter(new Wire.FrameWriter(out, Wire.ERR), true);
                int exit = run(request, stdout, stderr, () -> Wire.writeExit(out, ExitCodes.IO));
                stdout.flush();
                stderr.flush();
                Wire.writeExit(out, exit);
            }
        } finally {
            hangup.answered();
        }
    }

    /**
     * Watches the client while its command runs: the client sends nothing more, so a read that ends means it has
     * gone (stopped with Ctrl-C, killed). The command's thread is then interrupted: the build publishes nothing
     * and stops at its next file operation, as a build in a JVM of its own would have stopped with it.
     */
    private static final class Hangup {
        private final Thread command;
        private boolean answered;

        Hangup(SocketChannel client, Thread command) {
            this.command = command;
            Thread watcher = new Thread(() -> {
                try {
                    // on the channel itself: its stream wrappers share one lock between reading and writing
                    client.read(ByteBuffer.allocate(1));
                } catch (IOException e) {
                    // the connection failed or was closed: gone either way
                }
                synchronized (this) {
                    if (!answered) {
                        command.interrupt();
                    }
                }
            }, "gazette-server-hangup");
            watcher.setDaemon(true);
            watcher.start();
        }

        /** The command has finished: nothing to interrupt any more, and no interrupt left for the next one. */
        void answered() {
            synchronized (this) {
                answered = true;
            }
            Thread.interrupted();
        }
    }

    @FunctionalInterface
    private interface ExitWriter {
        void write() throws IOException;
    }

    /** Runs a client's command; only {@code build} is served. */
    private static int run(Wire.Request request, PrintWriter stdout, PrintWriter stderr, ExitWriter outOfMemory)
            throws IOException {
        List<String> args = request.args();
        if (args.isEmpty() || !args.get(0).equals("build")) {
            stderr.println("gazette: the build server runs 'gazette build' only");
            return ExitCodes.USAGE;
        }
        try {
            return Main.run(Path.of(request.workingDir()), stdout, stderr, args.toArray(String[]::new));
        } catch (OutOfMemoryError e) {
            // what the JVM holds now cannot be trusted: answer, then stop serving
            stderr.println("gazette: the build server ran out of memory; run the build again without it "
                    + "(GAZETTE_DAEMON=off), with more memory (GAZETTE_JAVA_OPTS=-Xmx2g)");
            stdout.flush();
            stderr.flush();
            outOfMemory.write();
            System.exit(ExitCodes.IO);
            return ExitCodes.IO;
        }
    }

    /** Closes the server when it has been idle too long or its jar changed; drops clients that say nothing. */
    private void watch(ServerSocketChannel server) {
        while (server.isOpen()) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            SocketChannel silent = waitingFor;
            if (silent != null && System.nanoTime() - waitingSince > REQUEST_TIMEOUT.toNanos()) {
                close(silent);
            }
            boolean idleTooLong = !building && System.nanoTime() - lastUse > idle.toNanos();
            if (idleTooLong || !building && !codeStamp.equals(stamp(code))) {
                close(listeningForLines);
                close(server);
            }
        }
    }

    private static void close(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "gone";
        }
    }
}
