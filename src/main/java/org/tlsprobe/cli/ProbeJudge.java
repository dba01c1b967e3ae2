package org.tlsprobe.cli;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.tlsprobe.diagnose.DiagnosisContext;
import org.tlsprobe.diagnose.Diagnostician;
import org.tlsprobe.diagnose.cert.ChainDiagnostics;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.Role;
import org.tlsprobe.model.Severity;
import org.tlsprobe.probe.Enumeration;
import org.tlsprobe.probe.ProbeResult;
import org.tlsprobe.tls.CipherSuites;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.transcript.HandshakeTranscript;

/**
 * Turns what the probe recorded into a report: the shared chain rules on the presented chain (and on our
 * client certificate), the shared classifier's verdict on the transcript, plus what only a live probe knows
 * (timings, the CA names, enumeration and its findings). Judged at --at, else at the moment of the probe.
 */
final class ProbeJudge {
  private final Role role;
  private final List<String> names;
  private final Optional<Instant> at;
  private final int warnDays;
  private final CompletableFuture<TrustAnchors> trust;
  private final List<X509Certificate> clientChain;
  private final Clock clock;
  private final Diagnostician judge;

  ProbeJudge(Role role, List<String> names, Optional<Instant> at, int warnDays, CompletableFuture<TrustAnchors> trust,
      List<X509Certificate> clientChain, Clock clock) {
    this.role = role;
    this.names = List.copyOf(names);
    this.at = at;
    this.warnDays = warnDays;
    this.trust = trust;
    this.clientChain = List.copyOf(clientChain);
    this.clock = clock;
    this.judge = new Diagnostician(ChainDiagnostics.standard(), clock);
  }

  ProbeReport report(ProbeResult r) {
    Diagnosis d = diagnose(r);
    String version = null;
    String suite = null;
    Integer caBytes = null;
    if (r.observation().isPresent()) {
      HandshakeTranscript t = r.observation().get().transcript();
      if (t.serverHello().isPresent()) {
        version = t.serverHello().get().version().label();
        suite = CipherSuites.name(t.serverHello().get().cipherSuite());
      }
      caBytes = t.certificateRequest().map(cr -> cr.certificateAuthoritiesSize()).orElse(null);
    }
    List<String> versions = null;
    Map<String, List<String>> suites = null;
    if (r.enumeration().isPresent()) {
      Enumeration e = r.enumeration().get();
      versions = new ArrayList<>();
      suites = new LinkedHashMap<>();
      for (int v : e.versions()) {
        String label = TlsVersion.of(v).label();
        versions.add(label);
        List<String> named = new ArrayList<>();
        for (int s : e.suitesByVersion().getOrDefault(v, List.of())) {
          named.add(CipherSuites.name(s));
        }
        suites.put(label, named);
      }
      List<Finding> all = new ArrayList<>(d.findings());
      all.addAll(enumerationFindings(e));
      all.sort(ChainDiagnostics.ORDER);
      d = new Diagnosis(d.outcome(), d.explanation(), d.windows(), d.chain(), d.clientChain(), all, d.clientFindings(), d.facts());
    }
    ProbeReport.Timing timing = new ProbeReport.Timing(r.timing().dnsMs(), r.timing().connectMs(), r.timing().handshakeMs());
    String failure = r.connectFailure().orElse(r.timedOut() ? "no answer within the timeout" : r.localFailure());
    return new ProbeReport(r.target().input(), r.address(), r.sni(), d, version, suite, r.clientCaNames(), caBytes,
        timing, failure, versions, suites, null);
  }

  /** The shared judge: the same classifier and chain rules as {@code analyze}, on what the probe recorded. */
  private Diagnosis diagnose(ProbeResult r) {
    if (r.observation().isEmpty()) {
      return judge.connectFailed(r.connectFailure().orElse("no connection"));
    }
    List<String> expected = names.isEmpty() ? List.of(r.sni() != null ? r.sni() : r.target().host()) : names;
    Instant when = at.orElse(r.observation().get().start() != null ? r.observation().get().start() : clock.instant())
        .truncatedTo(ChronoUnit.SECONDS);
    return judge.diagnose(r.observation().get(), new DiagnosisContext(role, expected, trust.join(), Optional.of(when), warnDays));
  }

  /** LEGACY_PROTOCOL and WEAK_CIPHER from what the server accepted. */
  static List<Finding> enumerationFindings(Enumeration e) {
    List<Finding> out = new ArrayList<>();
    for (int v : e.versions()) {
      TlsVersion tv = TlsVersion.of(v);
      if (!tv.isAtLeast(TlsVersion.TLSv1_2)) {
        out.add(new Finding("LEGACY_PROTOCOL", tv.isAtLeast(TlsVersion.TLSv1_0) ? Severity.WARNING : Severity.ERROR,
            legacyProtocolMessage(tv), null,
            "Disable " + tv.label() + " on the server once no client needs it (Windows: the Schannel Protocols registry keys);"
                + " Lync/Skype for Business servers work with TLS 1.2 once their TLS 1.2 updates are installed."));
      }
    }
    Map<Integer, List<String>> weak = new LinkedHashMap<>();
    for (Map.Entry<Integer, List<Integer>> en : e.suitesByVersion().entrySet()) {
      for (int s : en.getValue()) {
        if (CipherSuites.isWeak(s)) {
          weak.computeIfAbsent(s, k -> new ArrayList<>()).add(TlsVersion.of(en.getKey()).label());
        }
      }
    }
    for (Map.Entry<Integer, List<String>> w : weak.entrySet()) {
      out.add(new Finding("WEAK_CIPHER", Severity.WARNING,
          "The server accepts " + CipherSuites.name(w.getKey()) + " (" + CipherSuites.weakness(w.getKey()).orElse("weak")
              + ") with " + String.join(", ", w.getValue()) + ".", null,
          "Remove it from the server's cipher suites (Windows: the SSL Cipher Suite Order group policy)."));
    }
    return out;
  }

  /**
   * Each version by its own RFC: SSL 2.0 and 3.0 are prohibited outright, TLS 1.0 and 1.1 deprecated. SSL is
   * named as Schannel and IIS Crypto name it ("SSL 3.0") as well as by its label.
   */
  private static String legacyProtocolMessage(TlsVersion v) {
    switch (v) {
      case SSLv2:
        return "The server accepts SSL 2.0 (SSLv2), which must not be used (RFC 6176).";
      case SSLv3:
        return "The server accepts SSL 3.0 (SSLv3), which must not be used (RFC 7568; POODLE breaks its CBC padding).";
      default:
        return "The server accepts " + v.label() + ", which is deprecated (RFC 8996).";
    }
  }
}
