package org.tlsprobe.capture;

import org.tlsprobe.capture.flow.FlowListener;
import org.tlsprobe.capture.flow.FlowSink;
import org.tlsprobe.capture.flow.FlowTable;
import org.tlsprobe.capture.flow.TcpFlow;
import org.tlsprobe.capture.packet.TcpSegment;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.tls.wire.SharedBytes;

/**
 * One flow table and what it reports: a {@link TranscriptSink} per connection, one observation per
 * connection that carried TLS (or anything on a TLS port). Used from one thread at a time.
 */
final class FlowLane implements FlowListener {
  private final String origin;
  final FlowTable table = new FlowTable(this);
  /** The lane's connections share their certificates' bytes: a server sends every client the same chain. */
  private final SharedBytes certificateBytes = new SharedBytes();
  ObservationEmitter<?> emitter;
  /** Frame being processed on this lane (flows it creates later start at or after it). */
  private long currentFrame;
  /** Published for the other lanes: no flow this lane reports from now on starts before this frame. */
  volatile long watermark;

  FlowLane(String origin) {
    this.origin = origin;
  }

  void segment(TcpSegment s, long frame, long timeNanos) {
    segment(s, FlowTable.hash(s), frame, timeNanos);
  }

  /** With the connection's hash the reader already computed to pick this lane. */
  void segment(TcpSegment s, int hash, long frame, long timeNanos) {
    currentFrame = frame;
    table.segment(s, hash, frame, timeNanos);
  }

  long liveWatermark() {
    return Math.min(table.oldestFirstFrame(), currentFrame);
  }

  /** After a batch that ran up to frame {@code upTo}: later frames for this lane come after it. */
  void publish(long upTo) {
    currentFrame = upTo + 1;
    watermark = liveWatermark();
  }

  void finish() {
    currentFrame = Long.MAX_VALUE;
    table.finishAll();
    watermark = Long.MAX_VALUE;
  }

  @Override
  public FlowSink started(TcpFlow flow) {
    return new TranscriptSink(certificateBytes);
  }

  @Override
  public void finished(TcpFlow flow) {
    TranscriptSink sink = (TranscriptSink) flow.sink();
    if (sink.builder.looksLikeTls() || flow.payloadBytes() > 0 && flow.onTlsPort()) {
      HandshakeObservation o = new HandshakeObservation(origin, flow.client(), flow.server(),
          TranscriptSink.instant(flow.firstTimeNanos()), sink.builder.build());
      emitter.add(flow.firstFrame(), o, this, liveWatermark());
    }
  }
}
