package org.tlsprobe.cli;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsprobe.diagnose.cert.CertificateDescriber;
import org.tlsprobe.diagnose.cert.Certificates;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.ChainDiagnostics;
import org.tlsprobe.diagnose.cert.ClientCaAcceptedCheck;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.Role;
import org.tlsprobe.probe.ProbeResult;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.wire.CertificateRequest;

/**
 * What a live probe adds to the judged report beyond the handshake: the network findings on the presented
 * chain (AIA, CRLs; unless --no-fetch), CLIENT_CA_NOT_ACCEPTED for our client certificate against the
 * server's CA names, and the SIP OPTIONS answer. Shared by {@code probe} and {@code federation}.
 */
final class ReportExtras {
  private final Optional<NetworkChecks> network;
  private final List<X509Certificate> ourChain;
  private final Role role;
  private final TrustAnchors trust;
  private final int warnDays;

  ReportExtras(Optional<NetworkChecks> network, List<X509Certificate> ourChain, Role role, TrustAnchors trust, int warnDays) {
    this.network = network;
    this.ourChain = List.copyOf(ourChain);
    this.role = role;
    this.trust = trust;
    this.warnDays = warnDays;
  }

  /** The report with the extras; never throws (a failing extra becomes a RULE_FAILED finding). */
  ProbeReport apply(ProbeReport report, ProbeResult result, Instant at, Optional<SipCheck> sip) {
    try {
      return applyUnchecked(report, result, at, sip);
    } catch (RuntimeException e) {
      Diagnosis d = report.diagnosis();
      List<Finding> findings = new ArrayList<>(d.findings());
      findings.add(new Finding(ChainDiagnostics.RULE_FAILED, org.tlsprobe.model.Severity.WARNING,
          "The network checks (AIA, CRL, SIP) could not be completed: " + e, null, "Please report this."));
      return new ProbeReport(report.target(), report.address(), report.sni(),
          new Diagnosis(d.outcome(), d.explanation(), d.windows(), d.chain(), d.clientChain(), findings, d.clientFindings(), d.facts()),
          report.tlsVersion(), report.cipherSuite(), report.clientCaNames(), report.clientCaNamesBytes(), report.timing(), report.failure(),
          report.versions(), report.cipherSuites(), report.sip());
    }
  }

  private ProbeReport applyUnchecked(ProbeReport report, ProbeResult result, Instant at, Optional<SipCheck> sip) {
    if (result.observation().isEmpty()) {
      return report;
    }
    HandshakeTranscript t = result.observation().get().transcript();
    Diagnosis d = report.diagnosis();
    List<Finding> findings = new ArrayList<>(d.findings());
    List<Finding> clientFindings = new ArrayList<>(d.clientFindings());
    List<X509Certificate> presented = t.serverCertificate()
        .map(c -> Certificates.decode(c.certificates(), new ArrayList<>())).orElse(List.of());
    if (network.isPresent() && !presented.isEmpty()) {
      findings.addAll(network.get().check(new ChainContext(presented, role, Purpose.SERVER, List.of(), at, trust, warnDays)));
    }
    List<Finding> caFindings = ClientCaAcceptedCheck.judge(ourChain, t.certificateRequest().map(CertificateRequest::certificateAuthorities));
    clientFindings.addAll(caFindings);
    ProbeReport.Timing timing = report.timing();
    SipOutcome sipOutcome = sip.isPresent() && d.outcome().isOk() ? sip(sip.get(), result) : new SipOutcome(null, Optional.empty());
    sipOutcome.finding().ifPresent(findings::add);
    findings.sort(ChainDiagnostics.ORDER);
    clientFindings.sort(ChainDiagnostics.ORDER);
    Outcome outcome = d.outcome();
    String explanation = d.explanation();
    List<String> windows = d.windows();
    if (outcome.isOk() && findings.stream().anyMatch(f -> f.code().equals("CERT_REVOKED") && Integer.valueOf(0).equals(f.certificate()))) {
      outcome = Outcome.CERT_REVOKED;
      explanation = "The handshake completed, but the issuer's CRL lists the server's certificate as revoked: clients that check revocation refuse it.";
      windows = List.of("CRYPT_E_REVOKED (0x80092010)", "SEC_E_CERT_REVOKED");
    }
    List<org.tlsprobe.model.CertificateDetails> clientChain = d.clientChain().isEmpty() && !caFindings.isEmpty()
        ? CertificateDescriber.describe(ourChain) : d.clientChain();
    Diagnosis nd = new Diagnosis(outcome, explanation, windows, d.chain(), clientChain, findings, clientFindings, d.facts());
    ProbeReport out = new ProbeReport(report.target(), report.address(), report.sni(), nd, report.tlsVersion(), report.cipherSuite(),
        report.clientCaNames(), report.clientCaNamesBytes(), timing, report.failure(), report.versions(), report.cipherSuites(), report.sip());
    return sipOutcome.answer() != null ? out.withSip(sipOutcome.answer()) : out;
  }

  private record SipOutcome(org.tlsprobe.model.SipAnswer answer, Optional<Finding> finding) {}

  private static SipOutcome sip(SipCheck sip, ProbeResult result) {
    SipCheck.Result r = sip.read(result.applicationResponse());
    return new SipOutcome(r.answer().orElse(null), r.finding());
  }
}
