package org.tlsprobe.render;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.ProbeReport;

/**
 * The probe's report as one HTML page: a section per probed address, written and flushed as each finishes,
 * with what the text report shows (verdict, explanation and Windows names first, then what the server chose
 * and presented, the CA names it accepts for client certificates, the findings with what to do).
 */
public final class ProbeHtmlRenderer extends HtmlSections<ProbeReport> {
  public ProbeHtmlRenderer(PrintWriter out) {
    super(out, "tlsprobe probe");
  }

  @Override
  String section(ProbeReport r) {
    return section(r, 2);
  }

  /** One address's section; its heading is an {@code h<level>}, the parts under it one level down. */
  static String section(ProbeReport r, int level) {
    Diagnosis d = r.diagnosis();
    String h = "h" + level;
    String sub = "h" + (level + 1);
    StringBuilder s = new StringBuilder(4096).append("<section>\n<").append(h).append(">");
    Html.text(s, ProbeFacts.where(r)).append(" ");
    Html.outcome(s, ProbeFacts.verdict(r), r.failed());
    s.append("</").append(h).append(">\n");
    if (!d.explanation().isEmpty()) {
      Html.text(s.append("<p>"), d.explanation()).append("</p>\n");
    }
    if (r.failure() != null && !d.explanation().contains(r.failure())) {
      Html.text(s.append("<p>detail: "), r.failure()).append("</p>\n");
    }
    if (!d.windows().isEmpty()) {
      Html.text(s.append("<p>Windows: "), String.join("; ", d.windows())).append("</p>\n");
    }
    facts(s, r);
    if (!d.chain().isEmpty()) {
      Html.heading(s, sub, "chain presented");
      Html.chain(s, d.chain(), null);
    }
    if (r.clientCaNames() != null) {
      Html.heading(s, sub, "client certificate requested");
      if (r.clientCaNames().isEmpty()) {
        s.append("<p>The server names no acceptable CAs (any issuer may do).</p>\n");
      } else {
        s.append("<p>Acceptable CAs (").append(r.clientCaNames().size()).append(", ").append(r.clientCaNamesBytes()).append(" bytes):</p>\n");
        list(s, r.clientCaNames());
      }
    }
    Html.findings(s, sub, "findings", d.findings());
    if (!d.clientChain().isEmpty()) {
      Html.heading(s, sub, "our client certificate");
      Html.chain(s, d.clientChain(), null);
      Html.findings(s, sub, "client certificate findings", d.clientFindings());
    }
    if (r.cipherSuites() != null) {
      for (Map.Entry<String, List<String>> e : r.cipherSuites().entrySet()) {
        Html.heading(s, sub, e.getKey() + " suites (server's order)");
        list(s, e.getValue());
      }
    }
    return s.append("</section>\n").toString();
  }

  /** What the handshake came to: version and suite, alert, reset, versions accepted, SIP answer, timing. */
  private static void facts(StringBuilder s, ProbeReport r) {
    s.append("<table>\n");
    if (r.tlsVersion() != null) {
      Html.row(s, "negotiated", ProbeFacts.negotiated(r));
    }
    HandshakeFacts f = r.diagnosis().facts();
    f.alert().ifPresent(a -> Html.row(s, "alert", ProbeFacts.alert(a)));
    f.reset().ifPresent(c -> Html.row(s, "reset", ProbeFacts.reset(c)));
    if (r.versions() != null) {
      Html.row(s, "versions accepted", r.versions().isEmpty() ? "none" : String.join(", ", r.versions()));
    }
    if (r.sip() != null) {
      Html.row(s, "SIP OPTIONS", ProbeFacts.sip(r.sip()));
      if (!r.sip().msDiagnostics().isEmpty()) {
        Html.row(s, "ms-diagnostics", r.sip().msDiagnostics());
      }
    }
    Html.row(s, "time", ProbeFacts.timing(r.timing()));
    s.append("</table>\n");
  }

  private static void list(StringBuilder s, List<String> items) {
    s.append("<ul class=\"mono\">\n");
    for (String item : items) {
      Html.text(s.append("<li>"), item).append("</li>\n");
    }
    s.append("</ul>\n");
  }
}
