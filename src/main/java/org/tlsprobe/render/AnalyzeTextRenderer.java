package org.tlsprobe.render;

import java.io.IOException;
import java.io.Writer;
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
  private final AnalyzeSummary summary = new AnalyzeSummary();
  private long unlisted;

  AnalyzeTextRenderer(boolean all) {
    this.all = all;
  }

  @Override
  public void flow(FlowReport flow) throws IOException {
    summary.add(flow);
    if (!AnalyzeSummary.listed(flow, all)) {
      unlisted++;
      return;
    }
    spool.write(render(flow));
  }

  static String render(FlowReport flow) {
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
      if (step.from() == null) {
        s.append(String.format("  %8s  %12s  %-6s  %s%n", "", "", "", step.message()));
        continue;
      }
      s.append(String.format("  %8s  %12s  %-6s  %s%n",
          step.packet() > 0 ? "#" + step.packet() : "",
          step.time() == null ? "" : TIME.format(step.time()),
          step.from() == Side.CLIENT ? "C -> S" : "C <- S",
          step.message()));
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
    findings(s, "findings (server certificate and handshake)", d.findings());
    findings(s, "findings (client certificate)", d.clientFindings());
    return s.toString();
  }

  /** Failed flows: the ladder stops at the first reset (or shows all when there is none). */
  private static long lastPacket(HandshakeFacts facts) {
    return facts.reset().map(HandshakeFacts.CloseFact::packet).orElse(0L);
  }

  private static void findings(StringBuilder s, String heading, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    s.append("     ").append(heading).append(":\n");
    for (Finding f : findings) {
      for (String line : ReportText.finding(f, "       ")) {
        s.append(line).append('\n');
      }
    }
  }

  @Override
  public void finish(List<AnalyzedFile> files, Writer out) throws IOException {
    long ok = summary.byOutcome().getOrDefault(Outcome.OK, 0L);
    String counts = summary.byOutcome().entrySet().stream()
        .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
    out.write(String.format("tlsprobe analyze: %d file%s, %d TLS flow%s, %d failed, %d OK%s%s%n",
        files.size(), files.size() == 1 ? "" : "s", summary.flows(), summary.flows() == 1 ? "" : "s",
        summary.failed(), ok, counts.isEmpty() ? "" : " (" + counts + ")",
        summary.withErrors() > 0 ? "; " + summary.withErrors() + " with certificate errors" : ""));
    for (AnalyzedFile f : files) {
      for (String w : f.warnings()) {
        out.write("warning: " + w + "\n");
      }
    }
    spool.copyTo(out);
    if (unlisted > 0) {
      out.write(String.format("%n%d OK flow%s without certificate errors not listed (--all lists them).%n", unlisted, unlisted == 1 ? "" : "s"));
    }
    out.flush();
  }

  @Override
  public void close() {
    spool.close();
  }
}
