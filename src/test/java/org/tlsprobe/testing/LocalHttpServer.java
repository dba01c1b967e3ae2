package org.tlsprobe.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK's HTTP server on 127.0.0.1:0, serving what a test puts at a path (a CA's AIA/CDP host). */
public final class LocalHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-http");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  public LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.start();
  }

  /** Serves {@code body} with status 200 at {@code path}. */
  public String serve(String path, byte[] body, String contentType) {
    return handle(path, ex -> {
      ex.getResponseHeaders().set("Content-Type", contentType);
      ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
  }

  public String handle(String path, HttpHandler handler) {
    server.createContext(path, ex -> {
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      try {
        handler.handle(ex);
      } finally {
        ex.close();
      }
    });
    return url(path);
  }

  /** Answers with a status and no body. */
  public String status(String path, int status) {
    return handle(path, (HttpExchange ex) -> ex.sendResponseHeaders(status, -1));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
