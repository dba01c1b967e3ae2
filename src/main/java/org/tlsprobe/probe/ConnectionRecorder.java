package org.tlsprobe.probe;

import java.time.Clock;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.transcript.TranscriptBuilder;

/**
 * Writes down what one probe connection showed, through the same {@link TranscriptBuilder} a capture uses:
 * the raw bytes of both directions, plus what only the probe can see because it holds the keys (TLS 1.3's
 * encrypted handshake messages, encrypted alerts). One per connection, used on its event loop only.
 */
final class ConnectionRecorder {
  private final Clock clock;
  private final TranscriptBuilder builder = new TranscriptBuilder();
  private int decrypted;

  ConnectionRecorder(Clock clock) {
    this.clock = clock;
  }

  /** Bytes as they crossed the wire. */
  void bytes(Side from, byte[] data) {
    builder.bytes(from, data, 0, data.length, 0, clock.instant());
  }

  /** A handshake message that was encrypted on the wire, as Bouncy Castle decrypted (or wrote) it. */
  void decryptedMessage(Side from, int type, byte[] body) {
    decrypted++;
    builder.handshakeMessage(from, type, body, 0, clock.instant());
  }

  /** An alert that was encrypted on the wire, as Bouncy Castle decrypted (or raised) it. */
  void decryptedAlert(Side from, int level, int description) {
    decrypted++;
    builder.alert(from, level, description, 0, clock.instant());
  }

  /** How many decrypted messages and alerts were written so far (to tell whether a record held any). */
  int decryptedCount() {
    return decrypted;
  }

  void close(Side from, boolean reset) {
    builder.close(from, reset, 0, clock.instant());
  }

  HandshakeTranscript build() {
    return builder.build();
  }
}
