package org.tlsprobe.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.tls.Side;

/**
 * The text report of {@code analyze}: a summary line, file warnings, then for each failed flow (each flow
 * with {@code --all}) a short ladder of packet, time, direction and message, ending in the verdict, the
 * explanation, the Windows names and the findings. Flows that did not fail but whose certificates have
 * errors are listed too, without their ladder.
 */
final class AnalyzeTextRenderer extends ListingAnalyzeRenderer {
  /**
   * Each rendering thread's text buffer, reused flow after flow: a new one per flow (and its regrowth past
   * 1 KB) was a tenth of a capture's allocations. Only the finished text is copied out.
   */
  private static final ThreadLocal<StringBuilder> TEXT = ThreadLocal.withInitial(() -> new StringBuilder(4096));
  private static final int MAX_KEPT_TEXT = 64 * 1024;

  AnalyzeTextRenderer(boolean all, OutputStream stream) {
    super(all, stream);
  }

  @Override
  byte[] blockHeading(String heading) {
    return ("     " + heading + ":\n").getBytes(StandardCharsets.UTF_8);
  }

  /** One line naming the flow the block was printed for. */
  @Override
  byte[] reference(RenderedFlow.FindingsBlock b, String name, long index) {
    return ("     " + b.heading() + ": the same " + b.counts() + " as for " + name + " above\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The flow's header, ladder, verdict, Windows names and notes: everything but its findings. A flow that
   * did not fail is listed (without --all) only for its certificate errors: its ladder, a handshake that
   * worked, would bury them, so it is left out.
   */
  @Override
  String flowText(FlowReport flow, boolean withLadder) {
    HandshakeObservation o = flow.observation();
    Diagnosis d = flow.diagnosis();
    StringBuilder s = textBuffer();
    s.append('\n');
    s.append(o.origin()).append("  ").append(o.client()).append(" -> ").append(o.server());
    String version = RenderedFlow.version(o);
    if (version != null) {
      s.append("  ").append(version);
    }
    String sni = RenderedFlow.sni(o);
    if (sni != null) {
      s.append("  SNI ").append(sni);
    }
    s.append('\n');
    if (withLadder) {
      for (Ladder.Step step : Ladder.shown(flow)) {
        rung(s, step);
      }
    }
    s.append("  => ").append(d.outcome().name());
    if (!d.explanation().isEmpty()) {
      s.append(": ").append(d.explanation());
    }
    s.append('\n');
    if (!d.windows().isEmpty()) {
      s.append("     Windows: ").append(String.join("; ", d.windows())).append('\n');
    }
    for (String note : d.facts().notes()) {
      s.append("     note: ").append(note).append('\n');
    }
    return s.toString();
  }

  /** This thread's text buffer, emptied; one that an outsized flow grew is not kept for the next flow. */
  private static StringBuilder textBuffer() {
    StringBuilder s = TEXT.get();
    if (s.capacity() > MAX_KEPT_TEXT) {
      s = new StringBuilder(4096);
      TEXT.set(s);
    }
    s.setLength(0);
    return s;
  }

  /** One ladder line; columns: packet (right-aligned, 8), time (12), direction (6), message. */
  private static void rung(StringBuilder s, Ladder.Step step) {
    if (step.from() == null) {
      spaces(s, 32);
    } else {
      spaces(s, 2);
      if (step.packet() > 0) {
        String packet = Long.toString(step.packet());
        spaces(s, 7 - packet.length());
        s.append('#').append(packet);
      } else {
        spaces(s, 8);
      }
      spaces(s, 2);
      if (step.time() == null) {
        spaces(s, 12);
      } else {
        clock(s, step.time());
      }
      s.append(step.from() == Side.CLIENT ? "  C -> S" : "  C <- S");
    }
    s.append("  ").append(step.message()).append('\n');
  }

  /**
   * {@code HH:mm:ss.SSS} in UTC, by hand: a DateTimeFormatter was a tenth of the whole analyze time on a
   * big capture (one call per ladder rung).
   */
  static String clock(Instant t) {
    return clock(new StringBuilder(12), t).toString();
  }

  /** Appends {@link #clock(Instant)}'s text to {@code s}, one rung after another without a String each. */
  private static StringBuilder clock(StringBuilder s, Instant t) {
    int secondOfDay = (int) Math.floorMod(t.getEpochSecond(), 86_400L);
    int millis = t.getNano() / 1_000_000;
    two(s, secondOfDay / 3600).append(':');
    two(s, secondOfDay / 60 % 60).append(':');
    two(s, secondOfDay % 60).append('.');
    return s.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
  }

  private static StringBuilder two(StringBuilder s, int value) {
    return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static void spaces(StringBuilder s, int n) {
    for (int i = 0; i < n; i++) {
      s.append(' ');
    }
  }

  @Override
  RenderedFindings renderFindings(List<Finding> findings) {
    StringBuilder s = new StringBuilder();
    for (Finding f : findings) {
      for (String line : ReportText.finding(f, "       ")) {
        s.append(line).append('\n');
      }
    }
    return new RenderedFindings(s.toString().getBytes(StandardCharsets.UTF_8), ReportText.counts(findings), findings);
  }

  @Override
  public void finish(List<AnalyzedFile> files) throws IOException {
    Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    out.write("tlsprobe analyze: " + summary.line(files.size()) + "\n");
    for (AnalyzedFile f : files) {
      for (String w : f.warnings()) {
        out.write("warning: " + w + "\n");
      }
    }
    out.flush();
    spool.copyTo(stream);
    if (unlisted > 0) {
      out.write("\n" + AnalyzeSummary.unlistedLine(unlisted) + "\n");
    }
    out.flush();
  }
}
