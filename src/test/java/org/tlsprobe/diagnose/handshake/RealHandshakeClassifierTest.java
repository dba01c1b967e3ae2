package org.tlsprobe.diagnose.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.transcript.TranscriptBuilder;

/**
 * The classifier on real handshakes: openssl s_client talks to openssl s_server through a relay on
 * loopback that feeds every byte, FIN and RST it forwards into a {@link TranscriptBuilder}, as a capture
 * would. Certificates are made by openssl in a temporary folder. Skipped when openssl is not installed.
 */
class RealHandshakeClassifierTest {
  private static final long TIMEOUT_SECONDS = 15;

  @TempDir static Path pki;

  @BeforeAll
  static void makeCertificates() throws Exception {
    assumeTrue(new File("/usr/bin/openssl").canExecute() || new File("/usr/local/bin/openssl").canExecute(), "openssl not installed");
    Files.writeString(pki.resolve("ext"), "subjectAltName=DNS:pool.example.com\nextendedKeyUsage=serverAuth,clientAuth\n");
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
        "-subj", "/CN=Judge Test Root", "-days", "30");
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "srv.key", "-out", "srv.csr",
        "-subj", "/CN=pool.example.com");
    openssl("x509", "-req", "-in", "srv.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "srv.pem",
        "-days", "30", "-extfile", "ext");
  }

  private static void openssl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(pki.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + String.join(" ", args));
  }

  @Test
  void trustedChain_ok() throws Exception {
    Classification c = handshake(List.of(), List.of("-CAfile", "ca.pem", "-verify_return_error", "-tls1_2"));
    assertEquals(Outcome.OK, c.outcome(), c.explanation());
    assertTrue(c.facts().completed());
  }

  @Test
  void tls13TrustedChain_ok() throws Exception {
    Classification c = handshake(List.of(), List.of("-CAfile", "ca.pem", "-verify_return_error", "-tls1_3"));
    assertEquals(Outcome.OK, c.outcome(), c.explanation());
  }

  @Test
  void clientDoesNotTrustRoot_untrustedRoot() throws Exception {
    Classification c = handshake(List.of(), List.of("-verify_return_error", "-tls1_2"));
    assertEquals(Outcome.UNTRUSTED_ROOT, c.outcome(), c.explanation());
    assertEquals(Side.CLIENT, c.facts().alert().get().from());
    assertEquals(48, c.facts().alert().get().code());
    assertTrue(c.windows().contains(WindowsNames.UNTRUSTED_ROOT));
  }

  @Test
  void serverRequiresClientCertificateClientHasNone_clientCertMissing() throws Exception {
    Classification c = handshake(List.of("-Verify", "1", "-CAfile", "ca.pem"), List.of("-CAfile", "ca.pem", "-tls1_2"));
    assertEquals(Outcome.CLIENT_CERT_MISSING, c.outcome(), c.explanation());
    assertEquals(Side.SERVER, c.facts().alert().get().from());
  }

  @Test
  void clientCertificateFromUnknownCa_clientCertRejected() throws Exception {
    // the server trusts only the system roots, the client presents the test CA's certificate
    Classification c = handshake(List.of("-Verify", "1", "-verify_return_error", "-CAfile", "/etc/ssl/certs/ca-certificates.crt"),
        List.of("-CAfile", "ca.pem", "-cert", "srv.pem", "-key", "srv.key", "-tls1_2"));
    assertEquals(Outcome.CLIENT_CERT_REJECTED, c.outcome(), c.explanation());
  }

  @Test
  void noCommonCipher_cipherMismatch() throws Exception {
    Classification c = handshake(List.of("-cipher", "ECDHE-ECDSA-AES128-SHA"), List.of("-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-SHA"));
    assertEquals(Outcome.CIPHER_MISMATCH, c.outcome(), c.explanation());
    assertEquals(40, c.facts().alert().get().code());
    assertTrue(c.windows().contains("Schannel 36874"));
  }

  @Test
  void noCommonVersion_protocolMismatch() throws Exception {
    Classification c = handshake(List.of("-tls1_3"), List.of("-tls1_2"));
    assertEquals(Outcome.PROTOCOL_MISMATCH, c.outcome(), c.explanation());
    assertEquals(70, c.facts().alert().get().code());
  }

  @Test
  void serverResetsAfterClientHello_cipherMismatch() throws Exception {
    Classification c = handshake(null, List.of("-tls1_2"));
    assertEquals(Outcome.CIPHER_MISMATCH, c.outcome(), c.explanation());
    assertEquals(Side.SERVER, c.facts().reset().get().from());
    assertEquals("ClientHello", c.facts().reset().get().after());
    assertFalse(c.explanation().isBlank());
  }

  /**
   * One s_client -> relay -> s_server handshake; {@code serverArgs} null means no server: the relay reads the
   * ClientHello and resets the connection (SO_LINGER 0), as Schannel does when it shares no cipher suite.
   */
  private static Classification handshake(List<String> serverArgs, List<String> clientArgs) throws Exception {
    Process server = null;
    int serverPort = -1;
    try {
      if (serverArgs != null) {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", "srv.pem", "-key", "srv.key", "-naccept", "1"));
        cmd.addAll(serverArgs);
        server = new ProcessBuilder(cmd).directory(pki.toFile()).redirectErrorStream(true).start();
        serverPort = acceptPort(server);
      }
      try (Relay relay = new Relay(serverPort)) {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + relay.port(), "-servername", "pool.example.com"));
        cmd.addAll(clientArgs);
        Process client = new ProcessBuilder(cmd).directory(pki.toFile()).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
          Thread drain = new Thread(() -> {
            try {
              client.getInputStream().readAllBytes();
            } catch (IOException ignored) {
              // the process ended
            }
          });
          drain.setDaemon(true);
          drain.start();
          assertTrue(client.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "s_client did not finish");
        } finally {
          client.destroyForcibly();
        }
        HandshakeTranscript t = relay.transcript();
        return TranscriptClassifier.classify(t);
      }
    } finally {
      if (server != null) {
        server.destroyForcibly();
        server.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    }
  }

  private static int acceptPort(Process server) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("ACCEPT")) {
        int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
        Thread drain = new Thread(() -> {
          try {
            r.transferTo(java.io.Writer.nullWriter());
          } catch (IOException ignored) {
            // the process ended
          }
        });
        drain.setDaemon(true);
        drain.start();
        return port;
      }
    }
    throw new IOException("s_server did not start");
  }

  /** Forwards one connection on loopback and records both directions in a TranscriptBuilder. */
  private static final class Relay implements AutoCloseable {
    private final ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final TranscriptBuilder builder = new TranscriptBuilder();
    private final AtomicLong packets = new AtomicLong();
    private final List<Thread> pumps = new ArrayList<>();
    private final Thread acceptor;
    private volatile Socket client;
    private volatile Socket server;

    Relay(int upstreamPort) throws IOException {
      listen.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      acceptor = new Thread(() -> run(upstreamPort));
      acceptor.start();
    }

    int port() {
      return listen.getLocalPort();
    }

    private void run(int upstreamPort) {
      try {
        client = listen.accept();
        if (upstreamPort < 0) {
          byte[] buf = new byte[16384];
          int n = client.getInputStream().read(buf);
          record(Side.CLIENT, buf, Math.max(n, 0));
          client.setSoLinger(true, 0);
          client.close();
          synchronized (builder) {
            builder.close(Side.SERVER, true, packets.incrementAndGet(), Instant.now());
          }
          return;
        }
        server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        pumps.add(pump(client, server, Side.CLIENT));
        pumps.add(pump(server, client, Side.SERVER));
      } catch (IOException e) {
        // the test's assertions report what is missing
      }
    }

    private Thread pump(Socket from, Socket to, Side side) {
      Thread t = new Thread(() -> {
        byte[] buf = new byte[16384];
        try {
          InputStream in = from.getInputStream();
          OutputStream out = to.getOutputStream();
          int n;
          while ((n = in.read(buf)) >= 0) {
            record(side, buf, n);
            out.write(buf, 0, n);
            out.flush();
          }
          synchronized (builder) {
            builder.close(side, false, packets.incrementAndGet(), Instant.now());
          }
          to.shutdownOutput();
        } catch (IOException e) {
          boolean reset = String.valueOf(e.getMessage()).contains("reset");
          synchronized (builder) {
            if (reset) {
              builder.close(side, true, packets.incrementAndGet(), Instant.now());
            }
          }
          try {
            to.setSoLinger(true, 0);
            to.close();
          } catch (IOException ignored) {
            // already gone
          }
        }
      });
      t.start();
      return t;
    }

    private void record(Side side, byte[] buf, int n) {
      if (n > 0) {
        synchronized (builder) {
          builder.bytes(side, buf, 0, n, packets.incrementAndGet(), Instant.now());
        }
      }
    }

    HandshakeTranscript transcript() throws InterruptedException {
      acceptor.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      for (Thread t : pumps) {
        t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      }
      synchronized (builder) {
        return builder.build();
      }
    }

    @Override
    public void close() throws IOException {
      listen.close();
      for (Socket s : new Socket[] {client, server}) {
        if (s != null) {
          s.close();
        }
      }
    }
  }
}
