package org.tlsprobe.probe;

import java.time.Instant;
import java.util.Optional;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.wire.Alert;
import org.tlsprobe.tls.wire.ByteReader;
import org.tlsprobe.tls.wire.HandshakeAssembler;
import org.tlsprobe.tls.wire.RecordStream;
import org.tlsprobe.tls.wire.ServerHello;
import org.tlsprobe.tls.wire.TlsParseException;
import org.tlsprobe.tls.wire.TlsRecord;

/**
 * Reads a server's bytes after a hand-built hello until they decide the answer: the ServerHello, a fatal
 * alert, or something that is not an answer (SSLv2, bytes that are not TLS, a message that cannot come
 * first). The records and messages are cut and parsed by tls.wire, as for captures. Bounded: records by
 * {@link RecordStream}, and no more than {@link #MAX_BYTES} in all, which is far more than any ServerHello
 * needs; a hostile length never makes it buffer more. Never throws. One per connection, one thread.
 */
final class HelloAnswerReader implements RecordStream.Listener, HandshakeAssembler.Listener {
  /** A ServerHello fits in one record; a server that sends this much without one is not answering. */
  static final int MAX_BYTES = 64 * 1024;

  private final RecordStream records = new RecordStream(this);
  private final HandshakeAssembler messages =
      new HandshakeAssembler(this, t -> t == HandshakeType.SERVER_HELLO.code(), MAX_BYTES);
  private long read;
  private HelloAnswer answer;

  /** Feeds the next bytes from the server; the answer once they decide it. */
  Optional<HelloAnswer> bytes(byte[] data) {
    if (answer == null) {
      int take = (int) Math.min(data.length, MAX_BYTES - read);
      read += take;
      records.bytes(data, 0, take, 0, null); // no packet numbers or times: nothing here is reported per packet
      if (answer == null && records.gaveUp()) {
        answer = HelloAnswer.ended("the server's answer is not TLS");
      } else if (answer == null && read >= MAX_BYTES) {
        answer = HelloAnswer.ended("no ServerHello in the first " + MAX_BYTES + " bytes");
      }
    }
    return Optional.ofNullable(answer);
  }

  @Override
  public void record(TlsRecord record, long packet, Instant time) {
    if (answer != null) {
      return;
    }
    switch (record.contentType()) {
      case TlsRecord.HANDSHAKE:
        messages.fragment(record.fragment(), record.offset(), record.length());
        break;
      case TlsRecord.ALERT:
        alert(record.payload());
        break;
      case TlsRecord.SSLV2:
        answer = HelloAnswer.ended("the server answered in SSLv2");
        break;
      default:
        answer = HelloAnswer.ended("a record of type " + record.contentType() + " before any ServerHello");
        break;
    }
  }

  /** A fatal alert is the refusal; a warning (some servers send one before their choice) is read past. */
  private void alert(byte[] fragment) {
    try {
      Alert a = Alert.parse(ByteReader.of(fragment, "Alert"));
      if (a.fatal()) {
        answer = HelloAnswer.refused(a);
      }
    } catch (TlsParseException e) {
      answer = HelloAnswer.ended(e.getMessage());
    }
  }

  @Override
  public void message(int type, byte[] data, int offset, int length) {
    if (answer != null || type == HandshakeType.HELLO_REQUEST.code()) {
      return; // a HelloRequest may come at any time and asks for nothing here
    }
    if (type != HandshakeType.SERVER_HELLO.code()) {
      answer = HelloAnswer.ended("handshake message type " + type + " before any ServerHello");
      return;
    }
    try {
      answer = HelloAnswer.chose(ServerHello.parse(ByteReader.of(data, offset, length, "ServerHello")));
    } catch (TlsParseException e) {
      answer = HelloAnswer.ended(e.getMessage());
    }
  }

  @Override
  public void violation(String message, long packet, Instant time) {
    if (answer == null) {
      answer = HelloAnswer.ended(message);
    }
  }

  @Override
  public void violation(String message) {
    violation(message, 0, null);
  }
}
