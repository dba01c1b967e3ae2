package org.tlsprobe.tls.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The plaintext handshake messages of one recorded direction, rebuilt with the production classes. */
final class Messages {
  record Message(int type, byte[] body) {}

  private Messages() {}

  static List<Message> of(byte[] stream) {
    List<Message> out = new ArrayList<>();
    HandshakeAssembler assembler = new HandshakeAssembler(new HandshakeAssembler.Listener() {
      @Override
      public void message(int type, byte[] data, int offset, int length) {
        out.add(new Message(type, Arrays.copyOfRange(data, offset, offset + length)));
      }

      @Override
      public void violation(String message) {
        throw new AssertionError(message);
      }
    }, t -> true);
    boolean[] encrypted = {false};
    RecordStream records = new RecordStream(new RecordStream.Listener() {
      @Override
      public void record(TlsRecord r, long packet, Instant time) {
        if (r.contentType() == TlsRecord.CHANGE_CIPHER_SPEC) {
          encrypted[0] = true;
        } else if (r.contentType() == TlsRecord.HANDSHAKE && !encrypted[0]) {
          assembler.fragment(r.fragment(), r.offset(), r.length());
        }
      }

      @Override
      public void violation(String message, long packet, Instant time) {
        throw new AssertionError(message);
      }
    });
    records.bytes(stream, 0, stream.length, 1, Instant.EPOCH);
    return out;
  }

  static byte[] body(byte[] stream, int type) {
    for (Message m : of(stream)) {
      if (m.type() == type) {
        return m.body();
      }
    }
    throw new AssertionError("no message of type " + type);
  }
}
