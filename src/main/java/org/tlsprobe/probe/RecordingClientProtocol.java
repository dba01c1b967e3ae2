package org.tlsprobe.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.DigitallySigned;
import org.bouncycastle.tls.HandshakeMessageInput;
import org.bouncycastle.tls.HandshakeType;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.TlsHash;

/**
 * Bouncy Castle's non-blocking client protocol, opened up so every handshake message in both directions is
 * seen as it is processed or sent, TLS 1.3's encrypted ones included. These hooks are protected internals
 * of Bouncy Castle: the version is pinned and the probe tests cover them.
 */
final class RecordingClientProtocol extends TlsClientProtocol {
  private final HandshakeEvents events;

  RecordingClientProtocol(HandshakeEvents events) {
    super(); // non-blocking mode: offerInput / readOutput
    this.events = events;
  }

  @Override
  protected void handleHandshakeMessage(short type, HandshakeMessageInput buf) throws IOException {
    events.received(type, bodyOf(buf));
    super.handleHandshakeMessage(type, buf);
  }

  @Override
  protected void handleChangeCipherSpecMessage() throws IOException {
    events.changeCipherSpecReceived();
    super.handleChangeCipherSpecMessage();
  }

  /** The message as it arrived, read through the one public door, the transcript hash; header dropped. */
  private static byte[] bodyOf(HandshakeMessageInput buf) {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    buf.updateHash(new CapturingHash(whole));
    byte[] all = whole.toByteArray();
    return all.length >= 4 ? Arrays.copyOfRange(all, 4, all.length) : new byte[0];
  }

  @Override
  protected void sendClientHello() throws IOException {
    super.sendClientHello();
    events.sent(HandshakeType.client_hello, new byte[0]);
  }

  @Override
  protected void send13ClientHelloRetry() throws IOException {
    super.send13ClientHelloRetry();
    events.sent(HandshakeType.client_hello, new byte[0]);
  }

  @Override
  protected void sendCertificateMessage(Certificate certificate, OutputStream endPointHash) throws IOException {
    super.sendCertificateMessage(certificate, endPointHash);
    events.sent(HandshakeType.certificate, new byte[0]);
    events.clientCertificateSent(ders(certificate));
  }

  @Override
  protected void send13CertificateMessage(Certificate certificate) throws IOException {
    super.send13CertificateMessage(certificate);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    certificate.encode(getContext(), body, null);
    events.sent(HandshakeType.certificate, body.toByteArray());
    events.clientCertificateSent(ders(certificate));
  }

  @Override
  protected void sendClientKeyExchange() throws IOException {
    super.sendClientKeyExchange();
    events.sent(HandshakeType.client_key_exchange, new byte[0]);
  }

  @Override
  protected void sendCertificateVerifyMessage(DigitallySigned signed) throws IOException {
    super.sendCertificateVerifyMessage(signed);
    events.sent(HandshakeType.certificate_verify, new byte[0]);
  }

  @Override
  protected void send13CertificateVerifyMessage(DigitallySigned signed) throws IOException {
    super.send13CertificateVerifyMessage(signed);
    events.sent(HandshakeType.certificate_verify, new byte[0]);
  }

  @Override
  protected void sendChangeCipherSpecMessage() throws IOException {
    super.sendChangeCipherSpecMessage();
    events.changeCipherSpecSent();
  }

  @Override
  protected void sendFinishedMessage() throws IOException {
    super.sendFinishedMessage();
    events.sent(HandshakeType.finished, new byte[0]);
  }

  @Override
  protected void send13FinishedMessage() throws IOException {
    super.send13FinishedMessage();
    events.sent(HandshakeType.finished, new byte[0]);
  }

  private static java.util.List<byte[]> ders(Certificate c) throws IOException {
    java.util.List<byte[]> out = new java.util.ArrayList<>();
    if (c != null) {
      for (int i = 0; i < c.getLength(); i++) {
        out.add(c.getCertificateAt(i).getEncoded());
      }
    }
    return out;
  }

  /** A "hash" that keeps the bytes it is fed: the way to read a handshake message's exact bytes. */
  private static final class CapturingHash implements TlsHash {
    private final ByteArrayOutputStream sink;

    CapturingHash(ByteArrayOutputStream sink) {
      this.sink = sink;
    }

    @Override
    public void update(byte[] input, int inOff, int len) {
      sink.write(input, inOff, len);
    }

    @Override
    public byte[] calculateHash() {
      return new byte[0];
    }

    @Override
    public TlsHash cloneHash() {
      return this;
    }

    @Override
    public void reset() {
      sink.reset();
    }
  }
}
