package dev.gazette.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bin/gazette build} when a build server may be running: hands it the command and relays what it prints
 * and its exit code. It loads a few classes only (no picocli, no build code), so it starts in a fraction of a
 * cold build's time. Exits with {@link #NO_SERVER} when no server answered; the launcher then builds itself.
 */
public final class BuildClient {

    /** No server took the command (none running, or it closed before starting it): build without one. */
    public static final int NO_SERVER = 75;

    private BuildClient() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(ServerAddress.socket(), Path.of("").toAbsolutePath(), List.of(args), System.out, System.err);
        } catch (IOException | RuntimeException e) {
            // no private socket folder, or no Unix sockets here: no server can be running; the launcher builds
            code = NO_SERVER;
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Sends the command to the server at {@code socket} and relays its answer; the exit code, or {@link #NO_SERVER}. */
    static int run(Path socket, Path workingDir, List<String> args, OutputStream out, OutputStream err) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | UnsupportedOperationException e) {
            return NO_SERVER;
        }
        AtomicBoolean printed = new AtomicBoolean();
        try (channel) {
            DataOutputStream request = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            new Wire.Request(workingDir.toString(), args).write(request);
            DataInputStream answer = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            return Wire.relay(answer, new Noting(out, printed), new Noting(err, printed));
        } catch (IOException e) {
            if (!printed.get()) {
                // closed before it printed anything: it did not take the command (or failed, which changes nothing)
                return NO_SERVER;
            }
            try {
                err.write(("gazette: the build server stopped during the build (" + e.getMessage() + ")\n")
                        .getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException ignored) {
                // nowhere left to say it
            }
            return 3;
        }
    }

    /** A stream that notes that something came through it. */
    private static final class Noting extends FilterOutputStream {
        private final AtomicBoolean printed;

        Noting(OutputStream target, AtomicBoolean printed) {
            super(target);
            this.printed = printed;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            printed.set(true);
            out.write(bytes, offset, length);
        }

        @Override
        public void write(int b) throws IOException {
            printed.set(true);
            out.write(b);
        }
    }
}
