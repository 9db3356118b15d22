package io.aro.rp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** Bytes over a socket, for what an HTTP client library would not send: broken request lines, stalled bodies, odd methods. */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * What the server sent back to {@code request} before it closed the connection or {@code wait} passed.
     *
     * @param closed whether the server closed the connection (rather than {@code wait} passing)
     */
    public record Exchange(String response, boolean closed, Duration took) {
        /** The status of the first final (non-1xx) response, or 0 for none. */
        public int status() {
            for (String line : response.split("\r\n")) {
                if (line.startsWith("HTTP/1.1 ") && line.length() >= 12 && line.charAt(9) != '1') {
                    return Integer.parseInt(line.substring(9, 12));
                }
            }
            return 0;
        }

        /** The body of the response (after its headers). */
        public String body() {
            int last = response.lastIndexOf("\r\n\r\n");
            return last < 0 ? "" : response.substring(last + 4);
        }

        /** The value of the header {@code name} of the response, or null. */
        public String header(String name) {
            for (String line : response.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }
    }

    /** Sends {@code request} on a new connection and reads until the server closes it, or until {@code wait} passed without a byte. */
    public static Exchange exchange(URI server, byte[] request, Duration wait) {
        long start = System.nanoTime();
        try (Socket socket = open(server)) {
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (java.net.SocketException e) {
                // The server refused the request before it was all sent (a body over the limit) and closed: its answer may be in.
            }
            return read(socket, wait, start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to {@code server}. */
    public static Socket open(URI server) throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Reads what the server sends until it closes the connection or {@code wait} passes without a byte. */
    public static Exchange read(Socket socket, Duration wait, long startNanos) throws IOException {
        socket.setSoTimeout(Math.toIntExact(wait.toMillis()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        boolean closed;
        while (true) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    closed = true;
                    break;
                }
                out.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                closed = false;
                break;
            } catch (java.net.SocketException e) {
                closed = true; // reset by the server
                break;
            }
        }
        return new Exchange(out.toString(StandardCharsets.ISO_8859_1), closed, Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
