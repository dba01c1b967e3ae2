package org.tlsprobe.probe;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A SunJSSE server that speaks only what it is told (e.g. TLS 1.2 with 3DES only), run in a JVM of its own
 * because it needs {@code jdk.tls.disabledAlgorithms} emptied, a JVM-wide setting no test should change in
 * the test JVM. {@link #start} launches it; {@code main} is the server.
 */
public final class LegacyJsseServer implements AutoCloseable {
  private final Process process;
  public final int port;

  private LegacyJsseServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The test PKI's leaf and issuing CA as the PKCS#12 keystore (password "changeit") {@link #start} serves. */
  public static Path keystore(ProbePkiFiles pki, Path dir) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", pki.leaf.key(), "changeit".toCharArray(),
        new X509Certificate[] {pki.leaf.cert(), pki.intermediate.cert()});
    Path file = dir.resolve("server.p12");
    try (OutputStream o = Files.newOutputStream(file)) {
      ks.store(o, "changeit".toCharArray());
    }
    return file;
  }

  /**
   * Starts a server with the PKCS#12 keystore (password "changeit"), protocols and suites given
   * (comma-separated, JSSE names, e.g. {@code SSLv3,TLSv1.2} and {@code SSL_RSA_WITH_3DES_EDE_CBC_SHA}). Its
   * JVM empties {@code jdk.tls.disabledAlgorithms}, which in JDK 17 disables SSLv3, TLSv1, TLSv1.1, RC4, DES,
   * 3DES_EDE_CBC, anon, NULL and more; so any of them can be served, SSL 3.0 included (SunJSSE still
   * implements it). The suites are the server's order of preference (SunJSSE servers keep their own order).
   */
  public static LegacyJsseServer start(Path keystore, String protocols, String suites) throws Exception {
    Path security = Files.createTempFile("legacy-security", ".properties");
    Files.writeString(security, "jdk.tls.disabledAlgorithms=\njdk.certpath.disabledAlgorithms=\n");
    Path portFile = Files.createTempFile("legacy-port", ".txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Djava.security.properties=" + security, "-cp", System.getProperty("java.class.path"),
        LegacyJsseServer.class.getName(), keystore.toString(), protocols, suites, portFile.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && p.isAlive()) {
      String text = Files.readString(portFile).trim();
      if (!text.isEmpty()) {
        return new LegacyJsseServer(p, Integer.parseInt(text));
      }
      Thread.sleep(50);
    }
    p.destroyForcibly();
    throw new IllegalStateException("legacy JSSE server did not start");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(3, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
    }
  }

  public static void main(String[] args) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(args[0])) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    server.setEnabledProtocols(args[1].split(","));
    server.setEnabledCipherSuites(args[2].split(","));
    Files.writeString(Path.of(args[3]), Integer.toString(server.getLocalPort()));
    List<Thread> workers = new ArrayList<>();
    while (true) {
      SSLSocket s = (SSLSocket) server.accept();
      Thread t = new Thread(() -> {
        try (s) {
          s.startHandshake();
          OutputStream out = s.getOutputStream();
          out.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (Exception ignored) {
          // a client that gives up is what enumeration does
        }
      });
      t.setDaemon(true);
      t.start();
      workers.add(t);
      workers.removeIf(w -> !w.isAlive());
    }
  }
}
