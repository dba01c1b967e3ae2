package org.tlsprobe.probe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.transcript.TranscriptEvent;
import org.tlsprobe.tls.wire.CertificateMessage;
import org.tlsprobe.tls.wire.CertificateRequest;
import org.tlsprobe.tls.wire.ClientHello;
import org.tlsprobe.tls.wire.ServerHello;

/**
 * Writes down what one probe connection showed, in order, as the transcript the judge reads: handshake
 * messages both ways (TLS 1.3's decrypted ones too), change_cipher_spec, alerts, the peer's close or reset.
 * One per connection, used on its event loop only.
 */
final class ConnectionRecorder {
  private final Clock clock;
  private final List<TranscriptEvent> events = new ArrayList<>();
  private ClientHello clientHello;
  private ServerHello serverHello;
  private CertificateMessage serverCertificate;
  private CertificateRequest certificateRequest;
  private CertificateMessage clientCertificate;
  private long serverBytes;
  private boolean notTlsNoted;

  ConnectionRecorder(Clock clock) {
    this.clock = clock;
  }

  private Instant now() {
    return clock.instant();
  }

  /** Raw bytes as they crossed the wire; the first server bytes tell whether the port speaks TLS at all. */
  void bytes(Side from, byte[] data) {
    if (from == Side.SERVER) {
      if (serverBytes == 0 && data.length > 0 && !startsLikeTlsRecord(data)) {
        notTlsNoted = true;
        events.add(new TranscriptEvent.ProtocolViolation(Side.SERVER, 0, now(),
            "record header: content type " + (data[0] & 0xff) + " at offset 0 is not a TLS record"
                + (data.length > 1 ? " (" + printable(data) + ")" : "")));
      }
      serverBytes += data.length;
    }
  }

  boolean sawNonTls() {
    return notTlsNoted;
  }

  long serverBytes() {
    return serverBytes;
  }

  private static boolean startsLikeTlsRecord(byte[] d) {
    int type = d[0] & 0xff;
    if (type < 20 || type > 24) {
      return false;
    }
    return d.length < 2 || d[1] == 3;
  }

  private static String printable(byte[] d) {
    StringBuilder sb = new StringBuilder("starts with \"");
    for (int i = 0; i < Math.min(d.length, 24); i++) {
      char c = (char) (d[i] & 0xff);
      sb.append(c >= 32 && c < 127 ? c : '.');
    }
    return sb.append('"').toString();
  }

  void handshake(Side from, int type, byte[] body) {
    HandshakeType t = HandshakeType.of(type);
    if (type == HandshakeType.SERVER_HELLO.code()) {
      ServerHelloFields f = ServerHelloFields.read(body);
      if (f != null) {
        if (f.helloRetryRequest()) {
          t = HandshakeType.HELLO_RETRY_REQUEST;
        }
        serverHello = new ServerHello(f.legacyVersion(),
            f.selectedVersion() > 0 ? Optional.of(f.selectedVersion()) : Optional.empty(), f.cipherSuite(),
            f.helloRetryRequest());
      }
    }
    events.add(new TranscriptEvent.Handshake(from, 0, now(), t));
  }

  void changeCipherSpec(Side from) {
    events.add(new TranscriptEvent.ChangeCipherSpec(from, 0, now()));
  }

  void alert(Side from, int level, int description) {
    events.add(new TranscriptEvent.Alert(from, 0, now(), level, description));
  }

  void close(Side from, boolean reset) {
    events.add(new TranscriptEvent.Close(from, 0, now(), reset));
  }

  void clientHello(ClientHello hello) {
    this.clientHello = hello;
  }

  void serverCertificate(List<byte[]> der) {
    this.serverCertificate = new CertificateMessage(der);
  }

  void certificateRequest(CertificateRequest request) {
    this.certificateRequest = request;
  }

  void clientCertificate(List<byte[]> der) {
    this.clientCertificate = new CertificateMessage(der);
  }

  HandshakeTranscript build() {
    return new HandshakeTranscript(events, Optional.ofNullable(clientHello), Optional.ofNullable(serverHello),
        Optional.ofNullable(serverCertificate), Optional.ofNullable(certificateRequest),
        Optional.ofNullable(clientCertificate));
  }
}
