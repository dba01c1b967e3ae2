package org.tlsprobe.probe;

import java.io.IOException;
import java.util.List;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ProtocolVersion;

/** What Bouncy Castle tells the probe while it drives one handshake; all calls come on the connection's event loop. */
interface HandshakeEvents {
  /** A handshake message the server sent, decrypted when it was encrypted; body without the 4-byte header. */
  void received(int type, byte[] body) throws IOException;

  /** A handshake message we sent; body may be empty when only its type matters. */
  void sent(int type, byte[] body);

  void changeCipherSpecSent();

  void changeCipherSpecReceived();

  void alertReceived(short level, short description);

  void alertRaised(short level, short description, String message, Throwable cause);

  void serverVersion(ProtocolVersion version);

  void serverCertificate(List<byte[]> der);

  void certificateRequested(CertificateRequest request);

  void clientCertificateSent(List<byte[]> der);

  void handshakeComplete();
}
