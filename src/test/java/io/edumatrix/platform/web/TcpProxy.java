package io.edumatrix.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards TCP connections from a free local port to a target, and can cut them: {@link #cut()} drops every open
 * connection mid-stream and refuses new ones, as a crashed or restarting server would look to a client, until
 * {@link #restore()}.
 */
final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    TcpProxy(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("tcp-proxy-accept").start(this::acceptAll);
    }

    int port() {
        return listener.getLocalPort();
    }

    void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    void restore() {
        cut = false;
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cut();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                forward(listener.accept());
            } catch (IOException e) {
                // The listener was closed, or one connection failed: the loop condition tells which.
            }
        }
    }

    private void forward(Socket client) {
        if (cut) {
            closeQuietly(client);
            return;
        }
        Socket server;
        try {
            server = new Socket(target.getAddress(), target.getPort());
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(server);
        // A cut between the check above and these additions would have missed the pair.
        if (cut) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        pump(client, server);
        pump(server, client);
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().name("tcp-proxy-pump").start(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // Either side closed or was cut; closing both below ends the other direction too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed: nothing left to release.
        }
    }
}
