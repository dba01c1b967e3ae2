package org.tlsprobe.tls.transcript;

import java.time.Instant;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.Side;

/**
 * One thing seen on a TLS connection, in the order it was seen. {@code packet} is the 1-based frame
 * number in a capture (0 for a live probe); {@code time} is the packet time or the probe's clock.
 */
public sealed interface TranscriptEvent {
  Side from();

  long packet();

  Instant time();

  /** A handshake message; {@link HandshakeType#ENCRYPTED} when its record could not be read. */
  record Handshake(Side from, long packet, Instant time, HandshakeType type) implements TranscriptEvent {}

  record ChangeCipherSpec(Side from, long packet, Instant time) implements TranscriptEvent {}

  /** An alert; {@code level} and {@code description} are -1 when the alert was encrypted. */
  record Alert(Side from, long packet, Instant time, int level, int description) implements TranscriptEvent {
    public static final int WARNING = 1;
    public static final int FATAL = 2;

    public boolean encrypted() {
      return description < 0;
    }

    public boolean fatal() {
      return level == FATAL;
    }
  }

  /** An application_data record (in TLS 1.3 also the encrypted handshake flight); only its length is kept. */
  record ApplicationData(Side from, long packet, Instant time, int length) implements TranscriptEvent {}

  /** A TCP FIN or RST (or, for a live probe, the peer closing the connection). */
  record Close(Side from, long packet, Instant time, boolean reset) implements TranscriptEvent {}

  /** Bytes missing from one direction of the TCP stream: what follows may be misread. */
  record Gap(Side from, long packet, Instant time, long bytes) implements TranscriptEvent {}

  /** Bytes that are not valid TLS: the record or message, field and offset that broke. */
  record ProtocolViolation(Side from, long packet, Instant time, String message) implements TranscriptEvent {}
}
