package dev.gazette.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What client and server say to each other over the socket. The client sends a request: the protocol's name, the
 * folder the command was started in and its arguments. The server answers with frames: a chunk of standard output
 * ({@code 'o'}), a chunk of standard error ({@code 'e'}), each as a length and UTF-8 bytes, and last the exit code
 * ({@code 'x'}).
 */
final class Wire {

    static final String PROTOCOL = "gazette-build-1";
    static final byte OUT = 'o';
    static final byte ERR = 'e';
    static final byte EXIT = 'x';

    private Wire() {
    }

    /** A command as the client sends it. */
    record Request(String workingDir, List<String> args) {
        Request {
            args = List.copyOf(args);
        }

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(PROTOCOL);
            out.writeUTF(workingDir);
            out.writeInt(args.size());
            for (String arg : args) {
                out.writeUTF(arg);
            }
            out.flush();
        }

        static Request read(DataInputStream in) throws IOException {
            String protocol = in.readUTF();
            if (!protocol.equals(PROTOCOL)) {
                throw new IOException("unknown protocol " + protocol);
            }
            String dir = in.readUTF();
            int count = in.readInt();
            if (count < 0 || count > 10_000) {
                throw new IOException("bad argument count " + count);
            }
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                args.add(in.readUTF());
            }
            return new Request(dir, args);
        }
    }

    /**
     * Standard output or error of the command, sent as frames on the shared connection: whole writes, so lines
     * from the two streams arrive in the order they were written.
     */
    static final class FrameWriter extends Writer {
        private final DataOutputStream out;
        private final byte stream;

        FrameWriter(DataOutputStream out, byte stream) {
            this.out = out;
            this.stream = stream;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            byte[] bytes = new String(chars, offset, length).getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.writeByte(stream);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (out) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    static void writeExit(DataOutputStream out, int code) throws IOException {
        synchronized (out) {
            out.writeByte(EXIT);
            out.writeInt(code);
            out.flush();
        }
    }

    /**
     * Relays the server's frames to the client's streams until the exit code.
     *
     * @throws IOException when the connection ends before the exit code
     */
    static int relay(DataInputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        while (true) {
            byte type = in.readByte();
            if (type == EXIT) {
                return in.readInt();
            }
            int length = in.readInt();
            if (length < 0 || length > (64 << 20)) {
                throw new IOException("bad frame length " + length);
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new IOException("connection closed inside a frame");
            }
            OutputStream target = type == OUT ? stdout : stderr;
            target.write(bytes);
            target.flush();
        }
    }

    /**
     * The line protocol of the launcher's own client (bash, over a loopback TCP connection; see {@code bin/gazette}).
     * The client sends lines: the server's token, the working folder, the number of arguments, then each argument
     * with {@code %} written {@code %25} and a line break {@code %0A}. The server answers with lines: {@code O} or
     * {@code E} and a line of standard output or error, then {@code X} and the exit code.
     */
    static final class Lines {
        private static final int MAX_LINE = 1 << 20;

        private Lines() {
        }

        /** The request, or an exception when the token is not the server's or the lines are not a request. */
        static Request read(InputStream in, String token) throws IOException {
            byte[] sent = readLine(in).getBytes(StandardCharsets.UTF_8);
            if (!java.security.MessageDigest.isEqual(sent, token.getBytes(StandardCharsets.UTF_8))) {
                throw new IOException("wrong token");
            }
            String dir = decode(readLine(in));
            int count;
            try {
                count = Integer.parseInt(readLine(in));
            } catch (NumberFormatException e) {
                throw new IOException("bad argument count");
            }
            if (count < 0 || count > 10_000) {
                throw new IOException("bad argument count " + count);
            }
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                args.add(decode(readLine(in)));
            }
            return new Request(dir, args);
        }

        static String decode(String text) {
            return text.indexOf('%') < 0 ? text : text.replace("%0A", "\n").replace("%25", "%");
        }

        private static String readLine(InputStream in) throws IOException {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("request ended early");
                }
                if (line.size() >= MAX_LINE) {
                    throw new IOException("request line too long");
                }
                line.write(b);
            }
            return line.toString(StandardCharsets.UTF_8);
        }

        /** Standard output or error as lines tagged with the stream; a partial line waits for its end or a close. */
        static final class LineWriter extends Writer {
            private final OutputStream out;
            private final char tag;
            private final StringBuilder pending = new StringBuilder();

            LineWriter(OutputStream out, char tag) {
                this.out = out;
                this.tag = tag;
            }

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                StringBuilder lines = new StringBuilder();
                for (int i = offset; i < offset + length; i++) {
                    char c = chars[i];
                    if (c == '\n') {
                        lines.append(tag).append(pending).append('\n');
                        pending.setLength(0);
                    } else if (c != '\r') {
                        pending.append(c);
                    }
                }
                send(lines);
            }

            private void send(CharSequence lines) throws IOException {
                if (lines.length() > 0) {
                    byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
                    synchronized (out) {
                        out.write(bytes);
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (out) {
                    out.flush();
                }
            }

            /** Sends a partial line as a line. */
            @Override
            public void close() throws IOException {
                if (pending.length() > 0) {
                    send(tag + pending.toString() + "\n");
                    pending.setLength(0);
                }
                flush();
            }
        }

        static void writeExit(OutputStream out, int code) throws IOException {
            synchronized (out) {
                out.write(("X" + code + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
    }
}
