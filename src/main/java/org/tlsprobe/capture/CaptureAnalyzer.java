package org.tlsprobe.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.tlsprobe.capture.flow.FlowListener;
import org.tlsprobe.capture.flow.FlowSink;
import org.tlsprobe.capture.flow.FlowTable;
import org.tlsprobe.capture.flow.TcpFlow;
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
 */
public final class CaptureAnalyzer {
  /** Finished observations held back for ordering before we give up on strict order (a connection open very long). */
  static final int MAX_HELD = 50_000;

  private final ProgressListener progress;

  public CaptureAnalyzer() {
    this(ProgressListener.NONE);
  }

  public CaptureAnalyzer(ProgressListener progress) {
    this.progress = progress;
  }

  /**
   * Analyzes {@code file}; {@code onFlow} gets each observation in first-frame order. Throws
   * {@link NotACaptureException} when the file is not a capture; a truncated or corrupt file is read
   * up to the damage and the summary's warnings say where reading stopped.
   */
  public CaptureSummary analyze(Path file, Consumer<HandshakeObservation> onFlow) throws IOException {
    String origin = file.toString();
    Emitter emitter = new Emitter(origin, onFlow);
    FlowTable table = new FlowTable(emitter);
    emitter.table = table;
    PacketDecoder decoder = new PacketDecoder();
    List<String> warnings = new ArrayList<>();
    try (CaptureReader reader = CaptureReader.open(file, progress)) {
      Frame frame = new Frame();
      TcpSegment segment = new TcpSegment();
      while (reader.next(frame)) {
        if (decoder.decode(frame.linkType, frame.data, frame.offset, frame.capturedLength, segment)) {
          table.segment(segment, frame.number, frame.timeNanos);
        }
      }
      table.finishAll();
      emitter.release(Long.MAX_VALUE);
      progress.progress(reader.fileSize(), reader.fileSize());
      warnings.addAll(reader.warnings());
      if (decoder.fragmentsSkipped() > 0) {
        warnings.add(origin + ": " + decoder.fragmentsSkipped() + " IP fragment(s) after the first were skipped (IP fragments are not reassembled)");
      }
      if (decoder.unsupportedLinkTypeFrames() > 0) {
        warnings.add(origin + ": " + decoder.unsupportedLinkTypeFrames() + " frame(s) of an unsupported link type were skipped");
      }
      if (emitter.outOfOrder) {
        warnings.add(origin + ": some connections stayed open so long that flows are not all reported in first-packet order");
      }
      return new CaptureSummary(origin, reader.frames(), reader.fileSize(), reader.linkTypeNames(), warnings);
    }
  }

  /** Builds the observation of each finished connection and hands them out in first-frame order. */
  private static final class Emitter implements FlowListener {
    final String origin;
    final Consumer<HandshakeObservation> onFlow;
    final TreeMap<Long, HandshakeObservation> held = new TreeMap<>();
    FlowTable table;
    boolean outOfOrder;

    Emitter(String origin, Consumer<HandshakeObservation> onFlow) {
      this.origin = origin;
      this.onFlow = onFlow;
    }

    @Override
    public FlowSink started(TcpFlow flow) {
      return new TranscriptSink();
    }

    @Override
    public void finished(TcpFlow flow) {
      TranscriptSink sink = (TranscriptSink) flow.sink();
      boolean tls = sink.builder.looksLikeTls();
      if (tls || flow.payloadBytes() > 0 && flow.onTlsPort()) {
        held.put(flow.firstFrame(), new HandshakeObservation(origin, flow.client(), flow.server(),
            TranscriptSink.instant(flow.firstTimeNanos()), sink.builder.build()));
      }
      release(table.oldestFirstFrame());
    }

    void release(long before) {
      while (!held.isEmpty() && (held.firstKey() < before || held.size() > MAX_HELD)) {
        if (held.firstKey() >= before) {
          outOfOrder = true;
        }
        Map.Entry<Long, HandshakeObservation> e = held.pollFirstEntry();
        onFlow.accept(e.getValue());
      }
    }
  }
}
