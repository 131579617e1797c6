package dev.weft.miniredis.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking test client speaking raw bytes to a server: what it sends and what it expects are RESP
 * written out as ISO-8859-1 strings (one char per byte), so tests state the exact bytes on the wire.
 * Every read gives up after {@link #READ_TIMEOUT_MILLIS}.
 */
final class RawClient implements AutoCloseable {

    static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command as RESP: an array of bulk strings. */
    static String command(String... words) {
        StringBuilder resp = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n").append(word).append("\r\n");
        }
        return resp.toString();
    }

    /** Sends {@code words} as one RESP command and returns the reply, read as {@code expectedLength} bytes. */
    String call(String... words) {
        send(command(words));
        return readReply();
    }

    /** Sends {@code raw} as it is, in one write. */
    RawClient send(String raw) {
        return sendBytes(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawClient sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Reads exactly {@code expected.length()} bytes and returns them (compare them with {@code expected}). */
    String read(String expected) {
        return read(expected.getBytes(StandardCharsets.ISO_8859_1).length);
    }

    /** Reads exactly {@code length} bytes, failing at the end of the stream. */
    String read(int length) {
        byte[] bytes = new byte[length];
        int done = 0;
        try {
            while (done < length) {
                int n = in.read(bytes, done, length - done);
                if (n < 0) {
                    throw new AssertionError("the server closed the connection after " + done + " of " + length
                            + " bytes: " + new String(bytes, 0, done, StandardCharsets.ISO_8859_1));
                }
                done += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Reads one whole reply frame (any RESP2 kind, nested arrays included) and returns its bytes. */
    String readReply() {
        StringBuilder reply = new StringBuilder();
        readFrame(reply);
        return reply.toString();
    }

    private void readFrame(StringBuilder reply) {
        String line = readLine();
        reply.append(line);
        char type = line.charAt(0);
        long count = type == '$' || type == '*' ? Long.parseLong(line.substring(1, line.length() - 2)) : 0;
        if (type == '$' && count >= 0) {
            reply.append(read((int) count + 2));
        } else if (type == '*') {
            for (long i = 0; i < count; i++) {
                readFrame(reply);
            }
        }
    }

    private String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("the server closed the connection in the middle of a line: "
                            + line.toString(StandardCharsets.ISO_8859_1));
                }
                line.write(b);
                if (previous == '\r' && b == '\n') {
                    return line.toString(StandardCharsets.ISO_8859_1);
                }
                previous = b;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code count} whole replies. */
    List<String> readReplies(int count) {
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(readReply());
        }
        return replies;
    }

    /**
     * Reads until the server closes the connection and returns what came before; a connection reset
     * counts as closed.
     */
    String readUntilClosed() {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                rest.write(chunk, 0, n);
            }
        } catch (SocketException reset) {
            // Closed with unread data on the server's side: the end all the same.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rest.toString(StandardCharsets.ISO_8859_1);
    }

    /** Half-closes: the server reads the end of the stream, and this client can still read. */
    void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
