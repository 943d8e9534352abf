package io.edumatrix.platform.tenancy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * A pgjdbc {@code socketFactory} whose sockets count how often the driver flushes what it wrote. pgjdbc buffers a
 * round trip's messages and flushes once before it waits for the answer, so flushes count round trips.
 */
public final class CountingSocketFactory extends SocketFactory {

    static final AtomicInteger FLUSHES = new AtomicInteger();

    @Override
    public Socket createSocket() {
        return new CountingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException("pgjdbc connects the socket itself");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("pgjdbc connects the socket itself");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("pgjdbc connects the socket itself");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("pgjdbc connects the socket itself");
    }

    private static final class CountingSocket extends Socket {

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    FLUSHES.incrementAndGet();
                    super.flush();
                }
            };
        }
    }
}
