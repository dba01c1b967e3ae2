package org.tlsprobe.render;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.ProbeReport;

/**
 * The probe's report for a person in a hurry: per target the verdict first, then what the server chose and
 * presented, the CA names it accepts for client certificates, and the findings with what to do.
 */
public final class ProbeTextRenderer implements ReportStream<ProbeReport> {
  private final PrintWriter out;

  public ProbeTextRenderer(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(ProbeReport r) {
    Diagnosis d = r.diagnosis();
    out.println(ProbeFacts.where(r) + ": " + ProbeFacts.verdict(r));
    if (!d.explanation().isEmpty()) {
      out.println("  " + d.explanation());
    }
    if (r.failure() != null && !d.explanation().contains(r.failure())) {
      out.println("  detail: " + r.failure());
    }
    if (!d.windows().isEmpty()) {
      out.println("  Windows: " + String.join("; ", d.windows()));
    }
    if (r.tlsVersion() != null) {
      out.println("  negotiated: " + ProbeFacts.negotiated(r));
    }
    HandshakeFacts f = d.facts();
    f.alert().ifPresent(a -> out.println("  alert: " + ProbeFacts.alert(a)));
    f.reset().ifPresent(c -> out.println("  reset: " + ProbeFacts.reset(c)));
    chain(d.chain(), "chain presented");
    if (r.clientCaNames() != null) {
      if (r.clientCaNames().isEmpty()) {
        out.println("  client certificate requested; the server names no acceptable CAs (any issuer may do)");
      } else {
        out.println("  client certificate requested; acceptable CAs (" + r.clientCaNames().size() + ", "
            + r.clientCaNamesBytes() + " bytes):");
        r.clientCaNames().forEach(n -> out.println("    - " + n));
      }
    }
    findings(d.findings(), "");
    if (!d.clientChain().isEmpty()) {
      chain(d.clientChain(), "our client certificate");
      findings(d.clientFindings(), "client ");
    }
    if (r.versions() != null) {
      out.println("  versions accepted: " + (r.versions().isEmpty() ? "none" : String.join(", ", r.versions())));
      for (Map.Entry<String, List<String>> e : r.cipherSuites().entrySet()) {
        out.println("  " + e.getKey() + " suites (server's order):");
        e.getValue().forEach(s -> out.println("    " + s));
      }
    }
    if (r.sip() != null) {
      out.println("  SIP OPTIONS: " + ProbeFacts.sip(r.sip()));
      if (!r.sip().msDiagnostics().isEmpty()) {
        out.println("    ms-diagnostics: " + r.sip().msDiagnostics());
      }
    }
    out.println("  time: " + ProbeFacts.timing(r.timing()));
    out.println();
    out.flush();
  }

  private void chain(List<CertificateDetails> chain, String title) {
    if (chain.isEmpty()) {
      return;
    }
    out.println("  " + title + ":");
    for (int i = 0; i < chain.size(); i++) {
      CertificateDetails c = chain.get(i);
      out.println("    [" + i + "] " + c.subject());
      out.println("        issuer " + c.issuer() + ", valid " + c.notBefore() + " .. " + c.notAfter()
          + ", " + c.key() + ", " + c.signature());
      if (!c.san().isEmpty()) {
        out.println("        SAN " + String.join(", ", c.san()));
      }
      if (!c.eku().isEmpty()) {
        out.println("        EKU " + String.join(", ", c.eku()));
      }
    }
  }

  private void findings(List<Finding> findings, String prefix) {
    for (Finding f : findings) {
      out.println("  " + f.severity().label().toUpperCase() + " " + prefix + f.code()
          + (f.certificate() != null ? " [" + f.certificate() + "]" : "") + ": " + f.message());
      if (!f.advice().isEmpty()) {
        out.println("      -> " + f.advice());
      }
    }
  }
}
