package org.tlsprobe.capture;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.tlsprobe.model.HandshakeObservation;

/**
 * Hands finished observations out in first-frame order, as soon as no lane can still produce an
 * earlier one. Each lane (one flow table) says, through its watermark, the smallest first frame any
 * flow it may still report can have. Thread-safe: lanes on several threads call {@link #add}; the
 * consumer is called under this object's lock, so never concurrently.
 */
final class ObservationEmitter {
  /** Finished observations held for ordering before strict order is given up (a connection open very long). */
  static final int MAX_HELD = 50_000;

  private final Consumer<HandshakeObservation> onFlow;
  private final TreeMap<Long, HandshakeObservation> held = new TreeMap<>();
  private final FlowLane[] lanes;
  private boolean outOfOrder;

  ObservationEmitter(Consumer<HandshakeObservation> onFlow, FlowLane[] lanes) {
    this.onFlow = onFlow;
    this.lanes = lanes;
  }

  /** From {@code lane}'s own thread, with its live watermark. */
  synchronized void add(long firstFrame, HandshakeObservation observation, FlowLane lane, long ownWatermark) {
    held.put(firstFrame, observation);
    release(lane, ownWatermark);
  }

  /** Releases what every lane's watermark allows; {@code lane} (may be null) uses {@code ownWatermark}. */
  synchronized void release(FlowLane lane, long ownWatermark) {
    long before = Long.MAX_VALUE;
    for (FlowLane l : lanes) {
      before = Math.min(before, l == lane ? ownWatermark : l.watermark);
    }
    while (!held.isEmpty() && (held.firstKey() < before || held.size() > MAX_HELD)) {
      if (held.firstKey() >= before) {
        outOfOrder = true;
      }
      Map.Entry<Long, HandshakeObservation> e = held.pollFirstEntry();
      onFlow.accept(e.getValue());
    }
  }

  synchronized boolean outOfOrder() {
    return outOfOrder;
  }
}
