package org.tlsprobe.capture;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.tlsprobe.capture.packet.PacketDecoder;
import org.tlsprobe.capture.packet.TcpSegment;
import org.tlsprobe.capture.pcap.CaptureReader;
import org.tlsprobe.capture.pcap.Frame;

/**
 * The reading thread decodes just enough to know each TCP frame's connection and copies the frame
 * into that connection's lane's batch; one worker thread per lane runs the flow table and the TLS
 * parsing. Batches are recycled, so the steady state allocates nothing here. All lanes' batches are
 * sealed together, so every lane learns how far the file has been read (its watermark for ordering).
 */
final class ParallelRun {
  private static final int BATCH_BYTES = 1 << 20;
  private static final int BATCHES_PER_LANE = 4;

  /** Frames copied for one lane. */
  static final class Batch {
    byte[] data = new byte[BATCH_BYTES];
    int used;
    int count;
    long[] numbers = new long[4096];
    long[] times = new long[4096];
    int[] linkTypes = new int[4096];
    int[] offsets = new int[4096];
    int[] lengths = new int[4096];
    long upTo;
    boolean last;

    boolean fits(int length) {
      return count < numbers.length && used + length <= data.length;
    }

    void add(Frame f) {
      if (used + f.capturedLength > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, used + f.capturedLength)); // a frame bigger than a batch
      }
      System.arraycopy(f.data, f.offset, data, used, f.capturedLength);
      numbers[count] = f.number;
      times[count] = f.timeNanos;
      linkTypes[count] = f.linkType;
      offsets[count] = used;
      lengths[count] = f.capturedLength;
      used += f.capturedLength;
      count++;
    }

    void clear() {
      used = 0;
      count = 0;
      last = false;
    }
  }

  private final FlowLane[] lanes;
  private final Worker[] workers;

  ParallelRun(FlowLane[] lanes) {
    this.lanes = lanes;
    this.workers = new Worker[lanes.length];
    for (int i = 0; i < lanes.length; i++) {
      workers[i] = new Worker(lanes[i], i);
    }
  }

  void run(CaptureReader reader, PacketDecoder decoder) throws IOException {
    for (Worker w : workers) {
      w.start();
    }
    Batch[] current = new Batch[lanes.length];
    boolean done = false;
    try {
      for (int i = 0; i < lanes.length; i++) {
        current[i] = workers[i].free.take();
      }
      Frame frame = new Frame();
      TcpSegment segment = new TcpSegment();
      long lastFrame = 0;
      while (reader.next(frame)) {
        lastFrame = frame.number;
        if (!decoder.decode(frame.linkType, frame.data, frame.offset, frame.capturedLength, segment)) {
          continue;
        }
        int lane = CaptureAnalyzer.laneOf(segment, lanes.length);
        if (!current[lane].fits(frame.capturedLength)) {
          sealAll(current, frame.number - 1, false);
          if (anyFailed()) {
            break; // a worker failed (its report cannot be written, say): reading on would be for nothing
          }
        }
        current[lane].add(frame);
      }
      sealAll(current, lastFrame, true);
      done = true;
      for (Worker w : workers) {
        w.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while analyzing", e);
    } finally {
      if (!done) {
        for (Worker w : workers) {
          w.interrupt();
        }
      }
    }
    for (Worker w : workers) {
      if (w.failure != null) {
        if (w.failure instanceof RuntimeException) {
          throw (RuntimeException) w.failure;
        }
        if (w.failure instanceof Error) {
          throw (Error) w.failure;
        }
        throw new IllegalStateException(w.failure);
      }
    }
  }

  private boolean anyFailed() {
    for (Worker w : workers) {
      if (w.failure != null) {
        return true;
      }
    }
    return false;
  }

  private void sealAll(Batch[] current, long upTo, boolean last) throws InterruptedException {
    for (int i = 0; i < current.length; i++) {
      current[i].upTo = upTo;
      current[i].last = last;
      workers[i].full.put(current[i]);
      current[i] = last ? null : workers[i].free.take();
    }
  }

  /** Runs one lane over the batches the reader gives it. */
  private static final class Worker extends Thread {
    final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES_PER_LANE);
    final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES_PER_LANE);
    final FlowLane lane;
    volatile Throwable failure;

    Worker(FlowLane lane, int index) {
      super("tlsprobe-capture-" + index);
      setDaemon(true);
      this.lane = lane;
      for (int i = 0; i < BATCHES_PER_LANE; i++) {
        free.add(new Batch());
      }
    }

    @Override
    public void run() {
      PacketDecoder decoder = new PacketDecoder();
      TcpSegment segment = new TcpSegment();
      try {
        while (true) {
          Batch b = full.take();
          if (failure == null) {
            try {
              for (int i = 0; i < b.count; i++) {
                if (decoder.decode(b.linkTypes[i], b.data, b.offsets[i], b.lengths[i], segment)) {
                  lane.segment(segment, b.numbers[i], b.times[i]);
                }
              }
              if (b.last) {
                lane.finish();
              } else {
                lane.publish(b.upTo);
              }
              lane.emitter.release(lane, lane.liveWatermark());
            } catch (RuntimeException | Error e) {
              failure = e;
              lane.watermark = Long.MAX_VALUE; // do not hold the other lanes back
            }
          }
          boolean last = b.last;
          b.clear();
          free.put(b);
          if (last) {
            return;
          }
        }
      } catch (InterruptedException e) {
        // the reader gave up; nothing more to do
      }
    }
  }
}
