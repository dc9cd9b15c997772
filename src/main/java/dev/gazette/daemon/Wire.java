package dev.gazette.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
}
