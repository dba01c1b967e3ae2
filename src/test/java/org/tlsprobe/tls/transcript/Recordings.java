package org.tlsprobe.tls.transcript;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tlsprobe.tls.testing.EngineHandshake;
import org.tlsprobe.tls.testing.EngineHandshake.ClientAuth;
import org.tlsprobe.tls.testing.TestPki;

/**
 * Real handshakes between JDK SSLEngines, recorded once per JVM and shared by the tests: TLS 1.2 and
 * 1.3, with and without client authentication, and failing ones (untrusted server, missing client
 * certificate).
 */
final class Recordings {
  enum Kind {
    TLS12_SERVER_AUTH("TLSv1.2", ClientAuth.NONE, true, true),
    TLS12_MTLS("TLSv1.2", ClientAuth.NEED, true, true),
    TLS12_MTLS_NO_CLIENT_CERT("TLSv1.2", ClientAuth.NEED, false, true),
    TLS12_UNTRUSTED_SERVER("TLSv1.2", ClientAuth.NONE, true, false),
    TLS13_SERVER_AUTH("TLSv1.3", ClientAuth.NONE, true, true),
    TLS13_MTLS("TLSv1.3", ClientAuth.NEED, true, true),
    TLS13_MTLS_NO_CLIENT_CERT("TLSv1.3", ClientAuth.NEED, false, true),
    TLS13_UNTRUSTED_SERVER("TLSv1.3", ClientAuth.NONE, true, false);

    final String protocol;
    final ClientAuth auth;
    final boolean clientHasCert;
    final boolean clientTrustsServer;

    Kind(String protocol, ClientAuth auth, boolean clientHasCert, boolean clientTrustsServer) {
      this.protocol = protocol;
      this.auth = auth;
      this.clientHasCert = clientHasCert;
      this.clientTrustsServer = clientTrustsServer;
    }
  }

  static final String SNI = "sip.example.com";
  static final List<String> ALPN = List.of("h2", "http/1.1");

  private static final Map<Kind, EngineHandshake.Recording> CACHE = new ConcurrentHashMap<>();
  private static TestPki pki;
  private static TestPki stranger;
  private static TestPki.Identity server;
  private static TestPki.Identity client;

  private Recordings() {}

  static synchronized TestPki pki() throws Exception {
    if (pki == null) {
      pki = TestPki.ec("Recordings Root CA");
      stranger = TestPki.ec("Stranger Root CA");
      server = pki.leaf(SNI);
      client = pki.leaf("client.example.com");
    }
    return pki;
  }

  static EngineHandshake.Recording getUnchecked(Kind kind) {
    try {
      return get(kind);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized EngineHandshake.Recording get(Kind kind) throws Exception {
    EngineHandshake.Recording r = CACHE.get(kind);
    if (r == null) {
      pki();
      r = EngineHandshake.run(new EngineHandshake.Setup(kind.protocol, kind.auth, server,
          kind.clientHasCert ? client : null, kind.clientTrustsServer ? pki : stranger, pki, SNI, ALPN, true));
      CACHE.put(kind, r);
    }
    return r;
  }
}
