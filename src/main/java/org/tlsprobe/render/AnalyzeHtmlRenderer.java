package org.tlsprobe.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.tls.Side;

/**
 * The HTML report of {@code analyze}: what the text report says, as one page to mail or attach to a ticket.
 * The summary and a table of outcomes and files come first, then a section per listed flow (failed, or with
 * certificate errors; every flow with {@code --all}): its verdict, explanation, Windows names and notes, its
 * ladder, and its findings. A findings block shown before is a link back to the flow it was shown for. Flows
 * wait in a spool until the summary is known, as in the text report, so memory stays bounded.
 */
final class AnalyzeHtmlRenderer extends ListingAnalyzeRenderer {
  AnalyzeHtmlRenderer(boolean all, OutputStream stream) {
    super(all, stream);
  }

  @Override
  RenderedFindings renderFindings(List<Finding> findings) {
    return new RenderedFindings(utf8(Html.findings(new StringBuilder(), findings).toString()), ReportText.counts(findings), findings);
  }

  @Override
  byte[] flowStart(long index) {
    return utf8("<section id=\"flow-" + index + "\">\n");
  }

  @Override
  byte[] flowEnd() {
    return utf8("</section>\n");
  }

  @Override
  byte[] blockHeading(String heading) {
    return utf8(Html.heading(new StringBuilder(), "h3", heading).toString());
  }

  /** A link to the flow the block was shown for. */
  @Override
  byte[] reference(RenderedFlow.FindingsBlock b, String name, long index) {
    return utf8("<p class=\"same\">" + b.heading() + ": the same " + b.counts() + " as for <a href=\"#flow-" + index + "\">"
        + Html.escape(name) + "</a></p>\n");
  }

  /** The flow's heading, verdict, Windows names, notes and ladder: everything but its findings. */
  @Override
  String flowText(FlowReport flow, boolean withLadder) {
    HandshakeObservation o = flow.observation();
    Diagnosis d = flow.diagnosis();
    StringBuilder s = new StringBuilder(2048);
    Html.text(Html.text(s.append("<h2>"), o.client()).append(" &#8594; "), o.server());
    String version = RenderedFlow.version(o);
    if (version != null) {
      s.append(" &#160; ").append(version);
    }
    String sni = RenderedFlow.sni(o);
    if (sni != null) {
      Html.text(s.append(" &#160; SNI "), sni);
    }
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
}
