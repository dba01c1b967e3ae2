package org.tlsprobe.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsprobe.model.SipAnswer;
import org.tlsprobe.testing.Kamailio;
import org.tlsprobe.testing.MiniPki;
import org.tlsprobe.testing.TlsTestClient;

/** Our OPTIONS request and response reader against a real SIP server (Kamailio over TLS on loopback). */
class SipOverKamailioTest {
  @TempDir static Path dir;
  private static MiniPki.Issued ca;
  private static Kamailio open;
  private static Kamailio mtls;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Kamailio.installed(), "kamailio with tls module not installed (scripts/install-test-deps.sh)");
    ca = MiniPki.cert("SIP Test CA").ca().issue();
    MiniPki.Issued server = MiniPki.cert("sip.partner.test").issuedBy(ca).san("sip.partner.test").serverAuth().clientAuth().issue();
    open = Kamailio.builder(List.of(server.cert(), ca.cert()), server.keys()).start(dir);
    mtls = Kamailio.builder(List.of(server.cert(), ca.cert()), server.keys()).requireClientCertificate(ca.cert()).start(dir);
  }

  @AfterAll
  static void stop() {
    if (open != null) open.close();
    if (mtls != null) mtls.close();
  }

  static SipAnswer options(SSLSocket s) throws IOException {
    SipOptionsRequest request = SipOptionsRequest.to("sip.partner.test", "contoso.test", "127.0.0.1:" + s.getLocalPort());
    long start = System.nanoTime();
    s.getOutputStream().write(request.bytes());
    s.getOutputStream().flush();
    SipResponseReader reader = new SipResponseReader(request.callId());
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    Optional<SipMessage> answer = Optional.empty();
    while (answer.isEmpty() && !reader.done()) {
      int n = in.read(buf);
      if (n < 0) {
        throw new IOException("closed: " + reader.problem());
      }
      answer = reader.offer(buf, 0, n);
    }
    return answer.orElseThrow(() -> new IOException(reader.problem())).toAnswer((System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void options_gets200WithServerHeader() throws Exception {
    try (SSLSocket s = TlsTestClient.connect("127.0.0.1", open.port(), null, null, 5000)) {
      SipAnswer answer = options(s);
      assertEquals(200, answer.status(), open.log());
      assertEquals("OK for sip:sip.partner.test;transport=tls", answer.reason()); // the test Kamailio echoes the Request-URI
      assertTrue(answer.server().startsWith("kamailio"), answer.server());
    }
  }

  @Test
  void mtlsServer_answersOnlyWithClientCertificate() throws Exception {
    MiniPki.Issued edge = MiniPki.cert("edge.contoso.test").issuedBy(ca).san("edge.contoso.test").serverAuth().clientAuth().issue();
    try (SSLSocket s = TlsTestClient.connect("127.0.0.1", mtls.port(), edge, List.of(edge.cert(), ca.cert()), 5000)) {
      assertEquals(200, options(s).status(), mtls.log());
    }
    // Without one, the TLS 1.3 server rejects us after the handshake: the OPTIONS never gets an answer.
    assertThrows(IOException.class, () -> {
      try (SSLSocket s = TlsTestClient.connect("127.0.0.1", mtls.port(), null, null, 3000)) {
        options(s);
      }
    });
  }
}
