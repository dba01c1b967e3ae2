package org.tlsprobe.render;

import java.io.PrintWriter;
import org.tlsprobe.model.FederationReport;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.SrvLookup;
import org.tlsprobe.model.SrvTarget;

/**
 * The federation pre-check as one HTML page: a section per domain, written and flushed as each finishes, with
 * the verdict first, then the SRV answers, each target as the probe's page shows it, our certificate and the
 * domain's findings.
 */
public final class FederationHtmlRenderer extends HtmlSections<FederationReport> {
  public FederationHtmlRenderer(PrintWriter out) {
    super(out, "tlsprobe federation");
  }

  @Override
  String section(FederationReport r) {
    StringBuilder s = new StringBuilder(8192).append("<section>\n<h2>");
    Html.text(s, r.domain()).append(" ");
    Html.outcome(s, r.verdict().ready() ? "READY" : "NOT READY", !r.verdict().ready()).append("</h2>\n");
    Html.text(s.append("<p>"), r.verdict().line()).append("</p>\n");
    srv(s, r.srv());
    r.clientDiscovery().forEach(l -> srv(s, l));
    for (ProbeReport t : r.targets()) {
      s.append(ProbeHtmlRenderer.section(t, 3));
    }
    if (!r.ourChain().isEmpty()) {
      Html.heading(s, "h3", "our certificate");
      Html.chain(s, r.ourChain(), null);
      Html.findings(s, "h3", "our certificate findings", r.ourFindings());
    }
    Html.findings(s, "h3", "domain findings", r.findings());
    return s.append("</section>\n").toString();
  }

  private static void srv(StringBuilder s, SrvLookup l) {
    Html.heading(s, "h3", "SRV " + l.name());
    switch (l.status()) {
      case FOUND -> {
        s.append("<table>\n<tr><th>priority</th><th>weight</th><th>port</th><th>host</th><th>addresses</th></tr>\n");
        for (SrvTarget t : l.targets()) {
          s.append("<tr><td>").append(t.priority()).append("</td><td>").append(t.weight()).append("</td><td>").append(t.port()).append("</td><td>");
          Html.text(s, t.host()).append("</td><td>");
          Html.text(s, t.addresses().isEmpty() ? "(" + t.problem() + ")" : String.join(", ", t.addresses())).append("</td></tr>\n");
        }
        s.append("</table>\n");
      }
      case FAILED -> Html.text(s.append("<p>lookup failed: "), l.problem()).append("</p>\n");
      default -> s.append("<p>none (").append(l.status().label()).append(")</p>\n");
    }
  }
}
