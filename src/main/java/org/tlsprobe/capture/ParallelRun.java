package org.tlsprobe.capture;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.tlsprobe.capture.flow.FlowTable;
import org.tlsprobe.capture.packet.PacketDecoder;
import org.tlsprobe.capture.packet.TcpSegment;
import org.tlsprobe.capture.pcap.CaptureReader;
import org.tlsprobe.capture.pcap.Frame;
import org.tlsprobe.capture.pcap.ReadWindows;

/**
 * The reading thread decodes each TCP frame, to know its connection, and puts the decoded segment into
 * that connection's lane's batch; one worker thread per lane runs the flow table and the TLS parsing.
 * Frames are not copied: the workers read them in the reader's own buffers ({@link Windows}), which are
 * recycled once every batch that points into them is done. Batches are recycled too, so the steady state
 * allocates nothing here. All lanes' batches are sealed together, so every lane learns how far the file
 * has been read (its watermark for ordering).
 */
final class ParallelRun {
  /**
   * Batches in flight per lane. All lanes' batches are sealed together, so a lane that is busy judging a
   * burst of finished flows holds the reader up while the other lane's worker waits for work; a deeper
   * queue absorbs that (1.1 GB capture: workers idle 0.64 s with 4, 0.26 s with 16).
   */
  private static final int BATCHES_PER_LANE = 16;
  private static final int FRAMES = 4096;

  /** Segments for one lane, pointing into one read buffer; with their frame numbers and times. */
  static final class Batch {
    int count;
    final long[] numbers = new long[FRAMES];
    final long[] times = new long[FRAMES];
    /** Each segment's connection hash, computed by the reader to pick the lane and used again by the flow table. */
    final int[] hashes = new int[FRAMES];
    final TcpSegment[] segments = new TcpSegment[FRAMES];
    /** The read buffer this batch's frames lie in (null while empty): all in one, as batches are sealed at every refill. */
    byte[] window;
    long upTo;
    boolean last;

    Batch() {
      for (int i = 0; i < FRAMES; i++) {
        segments[i] = new TcpSegment();
      }
    }

    boolean fits(Frame f) {
      return count < FRAMES && (count == 0 || f.data == window);
    }

    void add(Frame f, TcpSegment s, int hash, Windows windows) {
      if (count == 0) {
        window = f.data;
        windows.retain(window);
      }
      numbers[count] = f.number;
      times[count] = f.timeNanos;
      hashes[count] = hash;
      segments[count].copyOf(s);
      count++;
    }

    void clear() {
      count = 0;
      window = null;
      last = false;
    }
  }

  /**
   * The reader's buffers, 1 MiB each. Each is counted as long as the reader or a batch uses it and goes
   * back to the pool when the last lets go; at every refill the reader seals all current batches (they
   * all point into the buffer it leaves), so a buffer is in use by at most one round of batches per lane,
   * and the pool never needs more than one buffer per batch in flight plus the reader's own (memory
   * stays bounded whatever the file).
   */
  final class Windows implements ReadWindows {
    static final int SIZE = 1 << 20;
    private final int max = BATCHES_PER_LANE + 2;
    private final BlockingQueue<byte[]> free = new LinkedBlockingQueue<>();
    private final Map<byte[], AtomicInteger> uses = new ConcurrentHashMap<>(); // arrays hash by identity
    private int allocated;

    @Override
    public byte[] next(int minSize, byte[] retired) throws IOException {
      try {
        sealAll(lastFrame, false);
        sealedByRefill = true;
        release(retired);
        byte[] next = minSize > SIZE ? new byte[minSize] : take(); // a record bigger than a buffer: used once
        uses.put(next, new AtomicInteger(1)); // the reader's own use
        return next;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while analyzing", e);
      }
    }

    private byte[] take() throws InterruptedException {
      byte[] next = free.poll();
      if (next == null && allocated < max) {
        allocated++;
        return new byte[SIZE];
      }
      return next != null ? next : free.take();
    }

    /** A batch points into {@code window} (buffers the reader had before it took windows from here are not counted). */
    void retain(byte[] window) {
      AtomicInteger n = uses.get(window);
      if (n != null) {
        n.incrementAndGet();
      }
    }

    void release(byte[] window) {
      AtomicInteger n = window == null ? null : uses.get(window);
      if (n != null && n.decrementAndGet() == 0) {
        uses.remove(window);
        if (window.length == SIZE) {
          free.add(window);
        }
      }
    }
  }

  private final FlowLane[] lanes;
  private final Worker[] workers;
  private final Windows windows = new Windows();
  private final Batch[] current;
  private long lastFrame;
  /** Set when a refill sealed the batches, so the reading loop checks the workers as after its own seals. */
  private boolean sealedByRefill;

  ParallelRun(FlowLane[] lanes) {
    this.lanes = lanes;
    this.workers = new Worker[lanes.length];
    this.current = new Batch[lanes.length];
    for (int i = 0; i < lanes.length; i++) {
      workers[i] = new Worker(lanes[i], i, windows);
    }
  }

  void run(CaptureReader reader, PacketDecoder decoder) throws IOException {
    for (Worker w : workers) {
      w.start();
    }
    boolean done = false;
    try {
      for (int i = 0; i < lanes.length; i++) {
        current[i] = workers[i].free.take();
      }
      reader.readWindowsFrom(windows);
      Frame frame = new Frame();
      TcpSegment segment = new TcpSegment();
      while (reader.next(frame)) {
        if (sealedByRefill) {
          sealedByRefill = false;
          if (anyFailed()) {
            break;
          }
        }
        lastFrame = frame.number;
        if (!decoder.decode(frame.linkType, frame.data, frame.offset, frame.capturedLength, segment)) {
          continue;
        }
        int hash = FlowTable.hash(segment);
        int lane = CaptureAnalyzer.laneOf(hash, lanes.length);
        if (!current[lane].fits(frame)) {
          sealAll(frame.number - 1, false);
          if (anyFailed()) {
            break; // a worker failed (its report cannot be written, say): reading on would be for nothing
          }
        }
        current[lane].add(frame, segment, hash, windows);
      }
      sealAll(lastFrame, true);
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

  /** Hands every lane its current batch (frames up to {@code upTo} read) and takes a fresh one. */
  private void sealAll(long upTo, boolean last) throws InterruptedException {
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
    final Windows windows;
    volatile Throwable failure;

    Worker(FlowLane lane, int index, Windows windows) {
      super("tlsprobe-capture-" + index);
      setDaemon(true);
      this.lane = lane;
      this.windows = windows;
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
                lane.segment(b.segments[i], b.hashes[i], b.numbers[i], b.times[i]);
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
          windows.release(b.window); // the flow table copied what it keeps
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
