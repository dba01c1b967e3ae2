package org.tlsprobe.capture;

import java.time.Instant;
import org.tlsprobe.capture.flow.FlowSink;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.transcript.TranscriptBuilder;
import org.tlsprobe.tls.wire.ByteReader;

/** Feeds one connection's reassembled content into the TLS owner's {@link TranscriptBuilder}. */
final class TranscriptSink implements FlowSink {
  final TranscriptBuilder builder;

  TranscriptSink(ByteReader.Keeper certificateBytes) {
    builder = new TranscriptBuilder(certificateBytes);
  }

  @Override
  public void bytes(Side from, byte[] data, int offset, int length, long frame, long timeNanos) {
    builder.bytes(from, data, offset, length, frame, instant(timeNanos));
  }

  @Override
  public void gap(Side from, long missingBytes, long frame, long timeNanos) {
    builder.gap(from, missingBytes, frame, instant(timeNanos));
  }

  @Override
  public void close(Side from, boolean reset, long frame, long timeNanos) {
    builder.close(from, reset, frame, instant(timeNanos));
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
