package org.tlsprobe.capture;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tlsprobe.model.HandshakeObservation;

/**
 * Hands finished flows out in first-frame order, as soon as no lane can still produce an earlier one.
 * Each lane (one flow table) says, through its watermark, the smallest first frame any flow it may still
 * report can have. The per-flow work ({@code prepare}: judging, rendering) runs on the lane's own thread,
 * outside any lock, so lanes do it in parallel; only the ordered hand-over ({@code onFlow}) is serialized.
 */
final class ObservationEmitter<R> {
  /** Finished flows held for ordering before strict order is given up (a connection open very long). */
  static final int MAX_HELD = 50_000;

  private final Function<HandshakeObservation, R> prepare;
  private final Consumer<R> onFlow;
  private final TreeMap<Long, R> held = new TreeMap<>();
  private final FlowLane[] lanes;
  private boolean outOfOrder;

  ObservationEmitter(Function<HandshakeObservation, R> prepare, Consumer<R> onFlow, FlowLane[] lanes) {
    this.prepare = prepare;
    this.onFlow = onFlow;
    this.lanes = lanes;
  }

  /** From {@code lane}'s own thread, with its live watermark: prepares the flow there, then queues it. */
  void add(long firstFrame, HandshakeObservation observation, FlowLane lane, long ownWatermark) {
    R prepared = prepare.apply(observation);
    synchronized (this) {
      held.put(firstFrame, prepared);
      release(lane, ownWatermark);
    }
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
      Map.Entry<Long, R> e = held.pollFirstEntry();
      onFlow.accept(e.getValue());
    }
  }

  synchronized boolean outOfOrder() {
    return outOfOrder;
  }
}
