package org.tlsprobe.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsprobe.testing.LocalHttpServer;

class HttpFetcherTest {
  private LocalHttpServer http;

  @BeforeEach
  void start() throws Exception {
    http = new LocalHttpServer();
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void servedBody_isReturned() {
    byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
    String url = http.serve("/a.crl", body, "application/pkix-crl");
    HttpFetch got = new HttpFetcher().fetch(url);
    assertTrue(got.ok(), got.error());
    assertEquals(200, got.status());
    assertArrayEquals(body, got.body());
  }

  @Test
  void sameUrlTwice_isFetchedOnce() throws Exception {
    String url = http.serve("/once.crt", new byte[] {1, 2, 3}, "application/pkix-cert");
    HttpFetcher fetcher = new HttpFetcher();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpFetch>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(pool.submit(() -> fetcher.fetch(url)));
      }
      for (Future<HttpFetch> f : all) {
        assertTrue(f.get().ok());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, http.hits("/once.crt"));
    assertEquals(1, fetcher.exchanges());
  }

  @Test
  void notFound_saysHttpStatus() {
    String url = http.status("/missing.crl", 404);
    HttpFetch got = new HttpFetcher().fetch(url);
    assertFalse(got.ok());
    assertEquals(404, got.status());
    assertTrue(got.error().contains("HTTP 404"), got.error());
  }

  @Test
  void bodyOverTheBound_isRefused_announcedOrNot() {
    byte[] big = new byte[5000];
    String announced = http.serve("/big.crl", big, "application/pkix-crl");
    String chunked = http.handle("/chunked.crl", ex -> {
      ex.sendResponseHeaders(200, 0); // 0 = chunked: the length is not announced
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 10; i++) {
          out.write(new byte[1000]);
        }
      }
    });
    HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(5), 4096);
    for (String url : List.of(announced, chunked)) {
      HttpFetch got = fetcher.fetch(url);
      assertFalse(got.ok(), url);
      assertTrue(got.error().contains("larger than 4096 bytes"), got.error());
    }
  }

  @Test
  void serverThatNeverAnswers_timesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        List<Socket> held = new ArrayList<>();
        try {
          while (true) {
            held.add(silent.accept()); // accept and say nothing
          }
        } catch (Exception ignored) {
          held.forEach(s -> { try { s.close(); } catch (Exception e) { /* closing */ } });
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      long start = System.nanoTime();
      HttpFetch got = new HttpFetcher(Duration.ofMillis(500), 4096).fetch("http://127.0.0.1:" + silent.getLocalPort() + "/x.crl");
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertFalse(got.ok());
      assertTrue(got.error().contains("500 ms"), got.error());
      assertTrue(ms < 3000, "took " + ms + " ms");
    }
  }

  @Test
  void slowDripBody_isCutAtTheDeadline() {
    String url = http.handle("/drip.crl", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 50; i++) {
          out.write(1);
          out.flush();
          Thread.sleep(100);
        }
      } catch (InterruptedException | java.io.IOException e) {
        // the client gave up
      }
    });
    long start = System.nanoTime();
    HttpFetch got = new HttpFetcher(Duration.ofMillis(700), 4096).fetch(url);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertFalse(got.ok());
    assertTrue(ms < 3000, "took " + ms + " ms");
  }

  @Test
  void closedPort_saysRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    HttpFetch got = new HttpFetcher(Duration.ofSeconds(2), 4096).fetch("http://127.0.0.1:" + port + "/x.crl");
    assertFalse(got.ok());
    assertTrue(got.error().contains("refused"), got.error());
  }

  @Test
  void ldapUrl_isNotFetched() {
    HttpFetcher fetcher = new HttpFetcher();
    HttpFetch got = fetcher.fetch("ldap:///CN=Contoso%20CA,CN=CDP,CN=Public%20Key%20Services?certificateRevocationList?base");
    assertFalse(got.ok());
    assertTrue(got.error().contains("ldap"), got.error());
    assertEquals(0, fetcher.exchanges());
  }
}
