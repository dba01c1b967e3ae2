package org.tlsprobe.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tlsprobe.capture.flow.FlowTable;
import org.tlsprobe.capture.packet.PacketDecoder;
import org.tlsprobe.capture.packet.TcpSegment;
import org.tlsprobe.capture.pcap.CaptureReader;
import org.tlsprobe.capture.pcap.Frame;
import org.tlsprobe.model.HandshakeObservation;

/**
 * Streams a pcap/pcapng file: frames -> TCP segments -> connections put back in order -> one
 * {@link HandshakeObservation} per connection that carries TLS (found by content, any port), plus
 * connections on a TLS port that carried something else (so the judge can say NOT_TLS). Observations
 * are handed out in the order of their first frame, as soon as no earlier connection is still open;
 * memory follows the number of concurrent connections, not the size of the file.
 *
 * <p>Big files are shared out by connection over several worker threads (every packet of a
 * connection goes to the same worker, so each connection sees exactly what it would see alone); the
 * result, order included, is the same as with one thread.
 */
public final class CaptureAnalyzer {
  /** Files at least this big are analyzed by several threads when the machine has several cores. */
  public static final long PARALLEL_FROM_BYTES = 64L << 20;

  private final ProgressListener progress;
  private final int workers;
  private final long parallelFromBytes;

  public CaptureAnalyzer() {
    this(ProgressListener.NONE);
  }

  public CaptureAnalyzer(ProgressListener progress) {
    this(progress, Math.min(4, Runtime.getRuntime().availableProcessors()), PARALLEL_FROM_BYTES);
  }

  /** @param workers threads for big files (1: all on the caller's thread); @param parallelFromBytes what "big" is */
  public CaptureAnalyzer(ProgressListener progress, int workers, long parallelFromBytes) {
    this.progress = progress;
    this.workers = Math.max(1, workers);
    this.parallelFromBytes = parallelFromBytes;
  }

  /**
   * Analyzes {@code file}; {@code onFlow} gets each observation in first-frame order (never
   * concurrently, though possibly from a worker thread). Throws {@link NotACaptureException} when the
   * file is not a capture; a truncated or corrupt file is read up to the damage and the summary's
   * warnings say where reading stopped.
   */
  public CaptureSummary analyze(Path file, Consumer<HandshakeObservation> onFlow) throws IOException {
    return analyze(file, Function.identity(), onFlow);
  }

  /**
   * Analyzes {@code file} with per-flow work done where the flow finished: {@code prepare} (judging,
   * rendering) runs on the worker threads, concurrently, and must be thread-safe; {@code onFlow} gets its
   * results one at a time in first-frame order. Lets a big capture be judged on every core, not just read.
   */
  public <R> CaptureSummary analyze(Path file, Function<HandshakeObservation, R> prepare, Consumer<R> onFlow) throws IOException {
    String origin = file.toString();
    boolean parallel = workers > 1 && Files.size(file) >= parallelFromBytes;
    FlowLane[] lanes = new FlowLane[parallel ? workers : 1];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new FlowLane(origin);
    }
    ObservationEmitter<R> emitter = new ObservationEmitter<>(prepare, onFlow, lanes);
    for (FlowLane lane : lanes) {
      lane.emitter = emitter;
    }
    PacketDecoder decoder = new PacketDecoder();
    try (CaptureReader reader = CaptureReader.open(file, progress)) {
      if (parallel) {
        new ParallelRun(lanes).run(reader, decoder);
      } else {
        sequential(reader, decoder, lanes[0]);
      }
      emitter.release(null, Long.MAX_VALUE);
      progress.progress(reader.fileSize(), reader.fileSize());
      List<String> warnings = new ArrayList<>(reader.warnings());
      if (decoder.fragmentsSkipped() > 0) {
        warnings.add(origin + ": " + decoder.fragmentsSkipped() + " IP fragment(s) after the first were skipped (IP fragments are not reassembled)");
      }
      if (decoder.unsupportedLinkTypeFrames() > 0) {
        warnings.add(origin + ": " + decoder.unsupportedLinkTypeFrames() + " frame(s) of an unsupported link type were skipped");
      }
      if (emitter.outOfOrder()) {
        warnings.add(origin + ": some connections stayed open so long that flows are not all reported in first-packet order");
      }
      return new CaptureSummary(origin, reader.frames(), reader.fileSize(), reader.linkTypeNames(), warnings);
    }
  }

  private static void sequential(CaptureReader reader, PacketDecoder decoder, FlowLane lane) throws IOException {
    Frame frame = new Frame();
    TcpSegment segment = new TcpSegment();
    while (reader.next(frame)) {
      if (decoder.decode(frame.linkType, frame.data, frame.offset, frame.capturedLength, segment)) {
        lane.segment(segment, frame.number, frame.timeNanos);
      }
    }
    lane.finish();
  }

  /** Which lane a segment's connection belongs to: the same for both directions. */
  /** The lane of the connection with this {@link FlowTable#hash(TcpSegment)}: every packet of a connection goes to one lane. */
  static int laneOf(int hash, int lanes) {
    return Math.floorMod(hash ^ hash >>> 11, lanes);
  }
}
