package org.tlsprobe.render;

import java.io.PrintWriter;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.model.FederationReport;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.SrvLookup;
import org.tlsprobe.model.SrvTarget;

/**
 * The federation pre-check for a person: per domain the SRV answers, each target as the probe shows it (with
 * its SIP answer), the domain and our-certificate findings, and the verdict line last, where the eye lands.
 */
public final class FederationTextRenderer implements ReportStream<FederationReport> {
  private final PrintWriter out;
  private final ProbeTextRenderer probe;

  public FederationTextRenderer(PrintWriter out) {
    this.out = out;
    this.probe = new ProbeTextRenderer(out);
  }

  @Override
  public void write(FederationReport r) {
    out.println("== " + r.domain());
    srv(r.srv());
    r.clientDiscovery().forEach(this::srv);
    out.println();
    for (ProbeReport t : r.targets()) {
      probe.write(t);
    }
    if (!r.ourChain().isEmpty()) {
      CertificateDetails leaf = r.ourChain().get(0);
      out.println("our certificate: " + leaf.subject() + " (issuer " + leaf.issuer() + ", valid until " + leaf.notAfter() + ")");
      findings(r.ourFindings());
    }
    if (!r.findings().isEmpty()) {
      out.println("domain findings:");
      findings(r.findings());
    }
    out.println(r.verdict().line());
    out.println();
    out.flush();
  }

  private void srv(SrvLookup l) {
    switch (l.status()) {
      case FOUND:
        out.println("SRV " + l.name() + ":");
        for (SrvTarget t : l.targets()) {
          out.println("  " + t.priority() + " " + t.weight() + " " + t.port() + " " + t.host() + " -> "
              + (t.addresses().isEmpty() ? "(" + t.problem() + ")" : String.join(", ", t.addresses())));
        }
        break;
      case FAILED:
        out.println("SRV " + l.name() + ": lookup failed: " + l.problem());
        break;
      default:
        out.println("SRV " + l.name() + ": none (" + l.status().label() + ")");
        break;
    }
  }

  private void findings(java.util.List<Finding> findings) {
    for (Finding f : findings) {
      out.println("  " + f.severity().label().toUpperCase(java.util.Locale.ROOT) + " " + f.code()
          + (f.certificate() != null ? " [" + f.certificate() + "]" : "") + ": " + f.message());
      if (!f.advice().isEmpty()) {
        out.println("      -> " + f.advice());
      }
    }
  }
}
