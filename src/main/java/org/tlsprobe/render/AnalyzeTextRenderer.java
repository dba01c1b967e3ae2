package org.tlsprobe.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;

/**
 * The text report of {@code analyze}: a summary line, file warnings, then for each failed flow (each flow
 * with {@code --all}) a short ladder of packet, time, direction and message, ending in the verdict, the
 * explanation, the Windows names and the findings.
 */
final class AnalyzeTextRenderer implements AnalyzeRenderer {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final int MAX_RUNGS = 24;

  private final boolean all;
  private final Spool spool = new Spool();
  /** The findings of a chain, rendered once: flow after flow shows the same ones. */
  private final RenderCache<List<Finding>, String> findingBlocks = new RenderCache<>(AnalyzeTextRenderer::findingLines);
  private final AnalyzeSummary summary = new AnalyzeSummary();
  private long unlisted;

  private final OutputStream stream;

  AnalyzeTextRenderer(boolean all, OutputStream stream) {
    this.all = all;
    this.stream = stream;
  }

  @Override
  public RenderedFlow render(FlowReport flow) {
    return RenderedFlow.of(flow, AnalyzeSummary.listed(flow, all) ? render(flow, findingBlocks) : (String) null);
  }

  @Override
  public void add(RenderedFlow flow) throws IOException {
    summary.add(flow);
    if (flow.utf8() == null) {
      unlisted++;
      return;
    }
    spool.write(flow.utf8());
  }

  private static String render(FlowReport flow, RenderCache<List<Finding>, String> findingBlocks) {
    HandshakeObservation o = flow.observation();
    Diagnosis d = flow.diagnosis();
    StringBuilder s = new StringBuilder("\n");
    s.append(o.origin()).append("  ").append(o.client()).append(" -> ").append(o.server());
    o.transcript().serverHello().map(sh -> sh.version()).filter(v -> v != TlsVersion.UNKNOWN)
        .ifPresent(v -> s.append("  ").append(v.label()));
    o.transcript().clientHello().flatMap(ch -> ch.serverName()).ifPresent(n -> s.append("  SNI ").append(n));
    s.append('\n');
    long last = lastPacket(d.facts());
    for (Ladder.Step step : Ladder.ladder(o.transcript(), flow.failed() ? last : 0, MAX_RUNGS)) {
      // columns: packet (right-aligned, 8), time (12), direction (6), message
      if (step.from() == null) {
        s.append(" ".repeat(32));
      } else {
        rightAligned(s.append("  "), step.packet() > 0 ? "#" + step.packet() : "", 8);
        rightAligned(s.append("  "), step.time() == null ? "" : TIME.format(step.time()), 12);
        s.append("  ").append(step.from() == Side.CLIENT ? "C -> S" : "C <- S");
      }
      s.append("  ").append(step.message()).append('\n');
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
    findings(s, "findings (server certificate and handshake)", d.findings(), findingBlocks);
    findings(s, "findings (client certificate)", d.clientFindings(), findingBlocks);
    return s.toString();
  }

  private static void rightAligned(StringBuilder s, String value, int width) {
    s.append(" ".repeat(Math.max(0, width - value.length()))).append(value);
  }

  /** Failed flows: the ladder stops at the first reset (or shows all when there is none). */
  private static long lastPacket(HandshakeFacts facts) {
    return facts.reset().map(HandshakeFacts.CloseFact::packet).orElse(0L);
  }

  private static void findings(StringBuilder s, String heading, List<Finding> findings, RenderCache<List<Finding>, String> blocks) {
    if (findings.isEmpty()) {
      return;
    }
    s.append("     ").append(heading).append(":\n").append(blocks.get(findings));
  }

  private static String findingLines(List<Finding> findings) {
    StringBuilder s = new StringBuilder();
    for (Finding f : findings) {
      for (String line : ReportText.finding(f, "       ")) {
        s.append(line).append('\n');
      }
    }
    return s.toString();
  }

  @Override
  public void finish(List<AnalyzedFile> files) throws IOException {
    Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    long ok = summary.byOutcome().getOrDefault(Outcome.OK, 0L);
    String counts = summary.byOutcome().entrySet().stream()
        .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
    out.write(String.format("tlsprobe analyze: %d file%s, %d TLS flow%s, %d failed, %d OK%s%s\n",
        files.size(), files.size() == 1 ? "" : "s", summary.flows(), summary.flows() == 1 ? "" : "s",
        summary.failed(), ok, counts.isEmpty() ? "" : " (" + counts + ")",
        summary.withErrors() > 0 ? "; " + summary.withErrors() + " with certificate errors" : ""));
    for (AnalyzedFile f : files) {
      for (String w : f.warnings()) {
        out.write("warning: " + w + "\n");
      }
    }
    out.flush();
    spool.copyTo(stream);
    if (unlisted > 0) {
      out.write(String.format("\n%d OK flow%s without certificate errors not listed (--all lists them).\n", unlisted, unlisted == 1 ? "" : "s"));
    }
    out.flush();
  }

  @Override
  public void close() {
    spool.close();
  }
}
