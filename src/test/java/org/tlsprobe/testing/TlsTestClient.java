package org.tlsprobe.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A JSSE client that accepts any server certificate (tests of what runs after the handshake). */
public final class TlsTestClient {
  private TlsTestClient() {}

  public static SSLSocket connect(String host, int port, MiniPki.Issued clientCert, List<X509Certificate> clientChain, int timeoutMs) throws IOException {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      javax.net.ssl.KeyManager[] kms = null;
      if (clientCert != null) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", clientCert.keys().getPrivate(), new char[0], clientChain.toArray(X509Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        kms = kmf.getKeyManagers();
      }
      ctx.init(kms, new TrustManager[] {new X509TrustManager() {
        @Override public void checkClientTrusted(X509Certificate[] c, String a) {}
        @Override public void checkServerTrusted(X509Certificate[] c, String a) {}
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
      }}, new SecureRandom());
      SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket();
      s.connect(new InetSocketAddress(host, port), timeoutMs);
      s.setSoTimeout(timeoutMs);
      s.startHandshake();
      return s;
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }
}
