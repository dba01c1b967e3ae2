package org.tlsprobe.diagnose.federation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.FederationVerdict;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.Severity;

/**
 * The verdict on one partner domain: ready when DNS gives at least one reachable target, every target's
 * MTLS handshake completes without an error finding, every SIP OPTIONS got a 2xx, and our own certificate
 * has no error. Each problem is put on the side that must fix it.
 */
public final class FederationJudge {
  /** Problems that only the trust between the two sides explains: fixed by them (trust our CA) or us (another CA). */
  private static final Set<String> OUR_CERT_CODES = Set.of("CLIENT_CA_NOT_ACCEPTED");
  private static final Set<Outcome> OUR_CERT_OUTCOMES = Set.of(Outcome.CLIENT_CERT_REJECTED, Outcome.CLIENT_CERT_MISSING);

  private FederationJudge() {}

  public static FederationVerdict verdict(String domain, List<Finding> domainFindings, List<ProbeReport> targets, List<Finding> ourFindings) {
    Set<String> theirs = new LinkedHashSet<>();
    Set<String> ours = new LinkedHashSet<>();
    for (Finding f : domainFindings) {
      if (f.severity() == Severity.ERROR) {
        theirs.add("DNS: " + f.code() + " (" + firstSentence(f.message()) + ")");
      }
    }
    if (targets.isEmpty() && theirs.isEmpty()) {
      theirs.add("DNS: no SRV target with an address to connect to");
    }
    for (ProbeReport r : targets) {
      String where = r.target() + (r.address() != null && !r.address().equals(r.target()) ? " (" + r.address() + ")" : "");
      Outcome o = r.diagnosis().outcome();
      if (OUR_CERT_OUTCOMES.contains(o)) {
        ours.add(where + ": " + o.name() + ": the partner does not accept our certificate (they must trust our CA, or we need a certificate from a CA they trust)");
      } else if (!o.isOk()) {
        theirs.add(where + ": " + o.name());
      }
      for (Finding f : r.diagnosis().findings()) {
        if (f.severity() != Severity.ERROR) {
          continue;
        }
        if (OUR_CERT_CODES.contains(f.code())) {
          ours.add(where + ": " + f.code() + " (they must list our CA, or we need a certificate from a CA they list)");
        } else if (!(o != Outcome.OK && f.code().equals(o.name()))) {
          theirs.add(where + ": " + f.code());
        }
      }
      for (Finding f : r.diagnosis().clientFindings()) {
        if (f.severity() == Severity.ERROR) {
          ours.add(where + ": " + f.code() + (OUR_CERT_CODES.contains(f.code()) ? " (they must list our CA, or we need a certificate from a CA they list)" : " on our certificate"));
        }
      }
    }
    for (Finding f : ourFindings) {
      if (f.severity() == Severity.ERROR) {
        ours.add("our certificate: " + f.code());
      }
    }
    return new FederationVerdict(theirs.isEmpty() && ours.isEmpty(), domain, new ArrayList<>(theirs), new ArrayList<>(ours));
  }

  private static String firstSentence(String s) {
    int colon = s.indexOf(": ");
    return colon > 0 && colon < 120 ? s.substring(0, colon) : s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
