package org.tlsprobe.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsprobe.diagnose.handshake.Classification;
import org.tlsprobe.diagnose.handshake.TranscriptClassifier;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.model.ProbeReport;
import org.tlsprobe.model.Role;
import org.tlsprobe.model.Severity;
import org.tlsprobe.probe.Enumeration;
import org.tlsprobe.probe.ProbeResult;
import org.tlsprobe.probe.SuiteNames;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.transcript.HandshakeTranscript;

/**
 * Turns what the probe recorded into a report: the judge's verdict on the transcript, plus what only a live
 * probe knows (timings, the CA names as strings, enumeration and its findings).
 */
final class ProbeJudge {
  private final Role role;
  private final List<String> names;
  private final Optional<Instant> at;
  private final int warnDays;

  ProbeJudge(Role role, List<String> names, Optional<Instant> at, int warnDays) {
    this.role = role;
    this.names = List.copyOf(names);
    this.at = at;
    this.warnDays = warnDays;
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
        suite = SuiteNames.name(t.serverHello().get().cipherSuite());
      }
      caBytes = t.certificateRequest().map(cr -> cr.certificateAuthoritiesSize()).orElse(null);
    }
    List<String> versions = null;
    Map<String, List<String>> suites = null;
    if (r.enumeration().isPresent()) {
      Enumeration e = r.enumeration().get();
      versions = new ArrayList<>();
      suites = new LinkedHashMap<>();
      List<Finding> extra = new ArrayList<>(d.findings());
      for (int v : e.versions()) {
        String label = TlsVersion.of(v).label();
        versions.add(label);
        List<String> named = new ArrayList<>();
        for (int s : e.suitesByVersion().getOrDefault(v, List.of())) {
          named.add(SuiteNames.name(s));
        }
        suites.put(label, named);
      }
      extra.addAll(EnumerationFindings.of(e));
      d = new Diagnosis(d.outcome(), d.explanation(), d.windows(), d.chain(), d.clientChain(), sorted(extra),
          d.clientFindings(), d.facts());
    }
    ProbeReport.Timing timing = new ProbeReport.Timing(r.timing().dnsMs(), r.timing().connectMs(), r.timing().handshakeMs());
    String failure = r.connectFailure().orElse(r.timedOut() ? "no answer within the timeout" : r.localFailure());
    return new ProbeReport(r.target().input(), r.address(), r.sni(), d, version, suite, r.clientCaNames(), caBytes,
        timing, failure, versions, suites, null);
  }

  private static List<Finding> sorted(List<Finding> findings) {
    List<Finding> out = new ArrayList<>(findings);
    out.sort((a, b) -> a.severity() != b.severity() ? a.severity().compareTo(b.severity()) : a.code().compareTo(b.code()));
    return out;
  }

  private Diagnosis diagnose(ProbeResult r) {
    if (r.observation().isEmpty()) {
      String why = r.connectFailure().orElse("no connection");
      return new Diagnosis(Outcome.CONNECT_FAILED, "Could not reach " + r.target().input()
          + (r.address() != null ? " at " + r.address() : "") + ": " + why + ".", List.of(), List.of(), List.of(),
          List.of(), List.of(), HandshakeFacts.none());
    }
    Classification c = TranscriptClassifier.classify(r.observation().get().transcript());
    return new Diagnosis(c.outcome(), c.explanation(), c.windows(), List.of(), List.of(), List.of(), List.of(), c.facts());
  }

  /** LEGACY_PROTOCOL and WEAK_CIPHER from what the server accepted. */
  static final class EnumerationFindings {
    private EnumerationFindings() {}

    static List<Finding> of(Enumeration e) {
      List<Finding> out = new ArrayList<>();
      for (int v : e.versions()) {
        TlsVersion tv = TlsVersion.of(v);
        if (!tv.isAtLeast(TlsVersion.TLSv1_2)) {
          out.add(new Finding("LEGACY_PROTOCOL", tv.isAtLeast(TlsVersion.TLSv1_0) ? Severity.WARNING : Severity.ERROR,
              "The server accepts " + tv.label() + ", which is deprecated (RFC 8996).", null,
              "Disable " + tv.label() + " on the server once no client needs it (Windows: Schannel Protocols registry keys "
                  + "or IIS Crypto); TLS 1.2 is the minimum for Lync/Skype for Business since their TLS 1.2 updates."));
        }
      }
      Map<String, List<String>> weak = new LinkedHashMap<>();
      for (Map.Entry<Integer, List<Integer>> en : e.suitesByVersion().entrySet()) {
        for (int s : en.getValue()) {
          String why = weakness(SuiteNames.name(s));
          if (why != null) {
            weak.computeIfAbsent(SuiteNames.name(s) + " (" + why + ")", k -> new ArrayList<>()).add(TlsVersion.of(en.getKey()).label());
          }
        }
      }
      for (Map.Entry<String, List<String>> w : weak.entrySet()) {
        out.add(new Finding("WEAK_CIPHER", Severity.WARNING,
            "The server accepts " + w.getKey() + " with " + String.join(", ", w.getValue()) + ".", null,
            "Remove it from the server's cipher suite order (Windows: the SSL Cipher Suite Order group policy)."));
      }
      return out;
    }

    /** Why a suite is weak, by its name; null when it is not. */
    static String weakness(String name) {
      if (name.contains("_NULL_") || name.endsWith("_NULL") || name.contains("WITH_NULL")) {
        return "no encryption";
      }
      if (name.contains("_anon_")) {
        return "no authentication";
      }
      if (name.contains("EXPORT")) {
        return "export-grade";
      }
      if (name.contains("RC4")) {
        return "RC4";
      }
      if (name.contains("3DES") || name.contains("_DES_") || name.contains("DES40") || name.contains("DES_CBC")) {
        return name.contains("3DES") ? "3DES, 64-bit block (SWEET32)" : "DES";
      }
      if (name.contains("IDEA") || name.contains("RC2")) {
        return "obsolete cipher";
      }
      if (name.endsWith("_MD5")) {
        return "MD5 MAC";
      }
      return null;
    }
  }
}
