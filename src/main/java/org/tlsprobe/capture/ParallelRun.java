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
 * The reading thread decodes each TCP frame, to know its connection, and copies the frame and its decoded
 * segment into that connection's lane's batch; one worker thread per lane runs the flow table and the TLS
 * parsing. Batches are recycled, so the steady state allocates nothing here. All lanes' batches are
 * sealed together, so every lane learns how far the file has been read (its watermark for ordering).
 */
final class ParallelRun {
  private static final int BATCH_BYTES = 1 << 20;
  /**
   * Batches in flight per lane. All lanes' batches are sealed together, so a lane that is busy judging a
   * burst of finished flows holds the reader up while the other lane's worker waits for work; a deeper
   * queue absorbs that (1.1 GB capture: workers idle 0.64 s with 4, 0.26 s with 16; 16 MiB per lane).
   */
  private static final int BATCHES_PER_LANE = 16;
  private static final int FRAMES = 4096;

  /** Frames copied for one lane, with the segments the reader decoded (so the worker need not decode again). */
  static final class Batch {
    byte[] data = new byte[BATCH_BYTES];
    int used;
    int count;
    long[] numbers = new long[FRAMES];
    long[] times = new long[FRAMES];
    final TcpSegment[] segments = new TcpSegment[FRAMES];
    long upTo;
    boolean last;

    Batch() {
      for (int i = 0; i < FRAMES; i++) {
        segments[i] = new TcpSegment();
      }
    }

    boolean fits(int length) {
      return count < FRAMES && used + length <= data.length;
    }

    void add(Frame f, TcpSegment s) {
      if (used + f.capturedLength > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, used + f.capturedLength)); // a frame bigger than a batch
      }
      System.arraycopy(f.data, f.offset, data, used, f.capturedLength);
      numbers[count] = f.number;
      times[count] = f.timeNanos;
      segments[count].copyMoved(s, data, used - f.offset);
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
        current[lane].add(frame, segment);
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
      try {
        while (true) {
          Batch b = full.take();
          if (failure == null) {
            try {
              for (int i = 0; i < b.count; i++) {
                lane.segment(b.segments[i], b.numbers[i], b.times[i]);
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
