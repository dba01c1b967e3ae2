package org.tlsprobe.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.BoundedCache;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;

/**
 * The HTML report of {@code analyze}: what the text report says, as one page to mail or attach to a ticket.
 * The summary and a table of outcomes and files come first, then a section per listed flow (failed, or with
 * certificate errors; every flow with {@code --all}): its verdict, explanation, Windows names and notes, its
 * ladder, and its findings. A findings block shown before is a link back to the flow it was shown for. Flows
 * wait in a spool until the summary is known, as in the text report, so memory stays bounded.
 */
final class AnalyzeHtmlRenderer implements AnalyzeRenderer {
  private static final String SERVER_FINDINGS = "findings (server certificate and handshake)";
  private static final String CLIENT_FINDINGS = "findings (client certificate)";

  private final boolean all;
  private final OutputStream stream;
  private final Spool spool = new Spool();
  private final AnalyzeSummary summary = new AnalyzeSummary();
  /** The findings of a chain, rendered once: flow after flow shows the same ones. */
  private final BoundedCache<List<Finding>, RenderedFindings> findingTables = new BoundedCache<>(4096);
  private final PrintedBlocks printed = new PrintedBlocks();
  private long listed;
  private long unlisted;

  AnalyzeHtmlRenderer(boolean all, OutputStream stream) {
    this.all = all;
    this.stream = stream;
  }

  @Override
  public RenderedFlow render(FlowReport flow) {
    if (!AnalyzeSummary.listed(flow, all)) {
      return RenderedFlow.of(flow, null, null, List.of());
    }
    Diagnosis d = flow.diagnosis();
    List<RenderedFlow.FindingsBlock> blocks = new ArrayList<>(2);
    block(blocks, SERVER_FINDINGS, d.findings());
    block(blocks, CLIENT_FINDINGS, d.clientFindings());
    return RenderedFlow.of(flow, flowHtml(flow, all || flow.failed()), RenderedFlow.name(flow.observation()), blocks);
  }

  private void block(List<RenderedFlow.FindingsBlock> blocks, String heading, List<Finding> findings) {
    if (!findings.isEmpty()) {
      RenderedFindings table = findingTables.get(findings, f -> new RenderedFindings(
          Html.findings(new StringBuilder(), f).toString().getBytes(StandardCharsets.UTF_8), ReportText.counts(f), f));
      blocks.add(new RenderedFlow.FindingsBlock(heading, table.findings(), table.utf8(), table.counts()));
    }
  }

  /** The flow's heading, verdict, Windows names, notes and ladder: everything but its findings. */
  private static String flowHtml(FlowReport flow, boolean withLadder) {
    HandshakeObservation o = flow.observation();
    Diagnosis d = flow.diagnosis();
    StringBuilder s = new StringBuilder(2048);
    Html.text(Html.text(s.append("<h2>"), o.client()).append(" &#8594; "), o.server());
    o.transcript().serverHello().map(sh -> sh.version()).filter(v -> v != TlsVersion.UNKNOWN)
        .ifPresent(v -> s.append(" &#160; ").append(v.label()));
    o.transcript().clientHello().flatMap(ch -> ch.serverName()).ifPresent(n -> Html.text(s.append(" &#160; SNI "), n));
    Html.text(s.append("<br/><span class=\"note mono\">"), o.origin()).append("</span></h2>\n<p>");
    Html.outcome(s, d.outcome().name(), flow.failed() || d.hasError());
    if (!d.explanation().isEmpty()) {
      Html.text(s.append(" "), d.explanation());
    }
    s.append("</p>\n");
    if (!d.windows().isEmpty()) {
      Html.text(s.append("<p>Windows: "), String.join("; ", d.windows())).append("</p>\n");
    }
    for (String note : d.facts().notes()) {
      Html.text(s.append("<p class=\"note\">note: "), note).append("</p>\n");
    }
    if (withLadder) {
      s.append("<table class=\"ladder\">\n<tr><th>packet</th><th>time (UTC)</th><th></th><th>message</th></tr>\n");
      for (Ladder.Step step : Ladder.shown(flow)) {
        s.append("<tr><td>").append(step.packet() > 0 ? "#" + step.packet() : "")
            .append("</td><td>").append(step.time() == null ? "" : AnalyzeTextRenderer.clock(step.time()))
            .append("</td><td>").append(step.from() == null ? "" : step.from() == Side.CLIENT ? "C &#8594; S" : "C &#8592; S")
            .append("</td><td>");
        Html.text(s, step.message()).append("</td></tr>\n");
      }
      s.append("</table>\n");
    }
    return s.toString();
  }

  /** Writes the flow's section, with a findings block shown before as a link to the flow it was shown for. */
  @Override
  public void add(RenderedFlow flow) throws IOException {
    summary.add(flow);
    if (flow.utf8() == null) {
      unlisted++;
      return;
    }
    String id = "flow-" + ++listed;
    spool.write(utf8("<section id=\"" + id + "\">\n"));
    spool.write(flow.utf8());
    for (RenderedFlow.FindingsBlock b : flow.blocks()) {
      byte[] reference = printed.referenceOr(b.heading(), b.findings(), () -> utf8("<p class=\"same\">" + b.heading() + ": the same "
          + b.counts() + " as for <a href=\"#" + id + "\">" + Html.escape(flow.name()) + "</a></p>\n"));
      if (reference == null) {
        spool.write(utf8("<h3>" + b.heading() + "</h3>\n"));
        spool.write(b.utf8());
      } else {
        spool.write(reference);
      }
    }
    spool.write(utf8("</section>\n"));
  }

  @Override
  public void finish(List<AnalyzedFile> files) throws IOException {
    StringBuilder s = new StringBuilder(Html.pageStart("tlsprobe analyze"));
    Html.text(s.append("<p>"), summary.line(files.size())).append("</p>\n");
    if (!summary.byOutcome().isEmpty()) {
      s.append("<table>\n<tr><th>outcome</th><th>flows</th></tr>\n");
      for (Map.Entry<Outcome, Long> e : summary.byOutcome().entrySet()) {
        s.append("<tr><td>");
        Html.outcome(s, e.getKey().name(), e.getKey() != Outcome.OK).append("</td><td>").append(e.getValue()).append("</td></tr>\n");
      }
      s.append("</table>\n");
    }
    s.append("<table>\n<tr><th>file</th><th>packets</th><th>bytes</th><th>link types</th><th>warnings</th></tr>\n");
    for (AnalyzedFile f : files) {
      Html.text(s.append("<tr><td class=\"mono\">"), f.path()).append("</td><td>").append(f.packets()).append("</td><td>")
          .append(f.bytes()).append("</td><td>");
      Html.text(s, String.join(", ", f.linktypes())).append("</td><td>");
      for (String w : f.warnings()) {
        Html.text(s, w).append("<br/>");
      }
      s.append("</td></tr>\n");
    }
    s.append("</table>\n");
    stream.write(utf8(s.toString()));
    spool.copyTo(stream);
    String end = unlisted > 0 ? "<p class=\"note\">" + AnalyzeSummary.unlistedLine(unlisted) + "</p>\n" : "";
    stream.write(utf8(end + Html.pageEnd()));
    stream.flush();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    spool.close();
  }
}
