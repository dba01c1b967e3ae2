package org.tlsprobe.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.tls.TlsVersion;

/**
 * The hand-built SSL 3.0 hello against real peers on 127.0.0.1: a server without SSL 3.0 (SunJSSE, which
 * implements it but has it off, and OpenSSL 3, built without it) is refused and never listed; a silent port,
 * a closed port and a reset end within the timeout as "not accepted", without an exception. The accepting
 * case, through the command line, is in {@code LegacyServerProbeTest}.
 */
@Timeout(120)
class Ssl3HelloConnectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @TempDir static Path dir;
  static ProbePkiFiles pki;
  static Prober prober;

  @BeforeAll
  static void start() throws Exception {
    pki = ProbePkiFiles.create(dir);
    prober = new Prober(ProbeSettings.defaults().withTimeout(TIMEOUT));
  }

  @AfterAll
  static void stop() {
    prober.close();
  }

  static InetSocketAddress local(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  static HelloAnswer ssl3Hello(int port) throws Exception {
    int[] suites = SuiteCatalog.allFor(ProtocolVersion.SSLv3);
    return prober.ssl3Hello(local(port), suites).get(10, TimeUnit.SECONDS);
  }

  /** Enumerates through the prober as {@code probe --enumerate} does; the accepted versions as labels. */
  static List<String> enumeratedVersions(int port) {
    List<ProbeResult> results = new ArrayList<>();
    prober.probe(List.of(Target.parse("127.0.0.1:" + port, Target.DEFAULT_PORT)), true, results::add);
    assertEquals(1, results.size());
    List<String> labels = new ArrayList<>();
    results.get(0).enumeration().orElseThrow().versions().forEach(v -> labels.add(TlsVersion.of(v).label()));
    return labels;
  }

  @Test
  void jsseWithoutSsl3_refusesTheHello_andSsl3IsNotListed() throws Exception {
    Path keystore = LegacyJsseServer.keystore(pki, dir);
    try (LegacyJsseServer s = LegacyJsseServer.start(keystore, "TLSv1,TLSv1.1,TLSv1.2",
        "TLS_RSA_WITH_AES_128_CBC_SHA,SSL_RSA_WITH_3DES_EDE_CBC_SHA")) {
      HelloAnswer a = ssl3Hello(s.port);
      assertTrue(a.serverHello().isEmpty(), a.toString());
      assertEquals("protocol_version", a.alert().orElseThrow().descriptionName(), a.toString());
      assertEquals(List.of("TLSv1.2", "TLSv1.1", "TLSv1.0"), enumeratedVersions(s.port));
    }
  }

  @Test
  void openSslWithoutSsl3_refusesTheHello_andSsl3IsNotListed() throws Exception {
    try (OpenSslServer s = OpenSslServer.start(pki.leafCert, pki.leafKey, "-cipher", "ALL:@SECLEVEL=0")) {
      HelloAnswer a = ssl3Hello(s.port);
      assertTrue(a.serverHello().isEmpty() && a.alert().isPresent(), a.toString()); // OpenSSL 3.0: handshake_failure
      List<String> versions = enumeratedVersions(s.port);
      assertTrue(versions.contains("TLSv1.2"), versions.toString());
      assertFalse(versions.contains("SSLv3"), versions.toString());
    }
  }

  @Test
  void silentPort_endsAtTheTimeout_notAccepted() throws Exception {
    try (RawServers s = RawServers.start(RawServers.Behavior.SILENT)) {
      long t0 = System.nanoTime();
      HelloAnswer a = ssl3Hello(s.port());
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(a.serverHello().isEmpty() && a.alert().isEmpty(), a.toString());
      assertTrue(a.ending().startsWith("no answer within"), a.toString());
      assertTrue(ms >= TIMEOUT.toMillis() - 50 && ms < TIMEOUT.toMillis() + 2000, ms + " ms");
    }
  }

  @Test
  void closedPort_endsAtOnce_notAccepted() throws Exception {
    int port = OpenSslServer.freePort(); // nothing listens there now
    long t0 = System.nanoTime();
    HelloAnswer a = ssl3Hello(port);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertTrue(a.serverHello().isEmpty() && a.alert().isEmpty(), a.toString());
    assertTrue(a.ending().contains("refused"), a.toString());
    assertTrue(ms < TIMEOUT.toMillis() + 2000, ms + " ms");
  }

  @Test
  void resetAfterTheHello_notAccepted() throws Exception {
    try (RawServers s = RawServers.start(RawServers.Behavior.RESET_AFTER_HELLO)) {
      HelloAnswer a = ssl3Hello(s.port());
      assertTrue(a.serverHello().isEmpty() && a.alert().isEmpty(), a.toString());
      assertTrue(a.ending().contains("reset") || a.ending().contains("closed"), a.toString());
    }
  }
}
