package org.tlsprobe.diagnose;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.ChainDiagnostics;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.handshake.Classification;
import org.tlsprobe.diagnose.handshake.TranscriptClassifier;
import org.tlsprobe.diagnose.handshake.WindowsNames;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.model.Diagnosis;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.model.Severity;
import org.tlsprobe.model.TextFormat;
import org.tlsprobe.pki.UndecodableCertificate;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.transcript.TranscriptEvent;
import org.tlsprobe.tls.wire.CertificateMessage;
import org.tlsprobe.tls.wire.CertificateRequest;

/**
 * The one judge: an observation (captured or probed) becomes a diagnosis. Decodes the chains the transcript
 * holds, runs the shared certificate rules on them (the server's for server use, with the expected names;
 * the client's for client use) at the instant the certificate was on the wire unless {@code --at} says
 * otherwise, classifies the handshake with the server chain's findings as evidence, and adds what only the
 * handshake shows (the size of the CertificateRequest's CA list). Never throws: whatever goes wrong becomes
 * a finding.
 *
 * <p>Client-chain findings go to {@link Diagnosis#clientFindings()}, their {@code certificate} index
 * pointing into {@link Diagnosis#clientChain()}.
 */
public final class Diagnostician {
  /** Schannel truncates the CertificateRequest's CA names at about 16 KB. */
  public static final int CLIENT_CA_LIST_LIMIT = 16 * 1024;
  public static final String DIAGNOSIS_FAILED = "DIAGNOSIS_FAILED";
  public static final String CERTIFICATE_UNREADABLE = "CERTIFICATE_UNREADABLE";
  public static final String CHAIN_NOT_VISIBLE = "CHAIN_NOT_VISIBLE";
  public static final String CLIENT_CA_LIST_TOO_LARGE = "CLIENT_CA_LIST_TOO_LARGE";

  /** One instance for every TLS 1.3 flow, so reports that compare findings lists find it the same at once. */
  private static final Finding CHAIN_HIDDEN = new Finding(CHAIN_NOT_VISIBLE, Severity.INFO,
      "TLS 1.3 encrypts the server's Certificate, so the chain is not in the capture and was not checked.", null,
      "Run 'tlsprobe probe' against the server to see and check its chain.");

  private final ChainDiagnostics rules;
  private final Clock clock;
  private final CertificateCache certificates = new CertificateCache();
  /** The rules' findings on chains seen before, for the context of the run (a new context starts a new one). */
  private volatile ChainRuleCache ruleCache;

  public Diagnostician() {
    this(ChainDiagnostics.standard(), Clock.systemUTC());
  }

  public Diagnostician(ChainDiagnostics rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  /** The shared rules on one chain, through the cache: a capture sends the same chains again and again. */
  private List<Finding> runRules(ChainContext chain, List<CertificateDetails> details, DiagnosisContext ctx) {
    ChainRuleCache cache = ruleCache;
    if (cache == null || cache.ctx != ctx) {
      cache = new ChainRuleCache(ctx, rules);
      ruleCache = cache;
    }
    List<String> sha256 = new ArrayList<>(details.size());
    for (CertificateDetails d : details) {
      sha256.add(d.sha256());
    }
    return cache.findings(chain, sha256);
  }

  /** The verdict on one observation; never throws. */
  public Diagnosis diagnose(HandshakeObservation obs, DiagnosisContext ctx) {
    try {
      return judge(obs, ctx);
    } catch (RuntimeException | StackOverflowError e) {
      Finding failed = new Finding(DIAGNOSIS_FAILED, Severity.ERROR,
          "tlsprobe could not judge this connection: " + e, null, "Please report this with the capture.");
      try {
        Classification c = TranscriptClassifier.classify(obs.transcript());
        return new Diagnosis(c.outcome(), c.explanation(), c.windows(), List.of(), List.of(), List.of(failed), List.of(), c.facts());
      } catch (RuntimeException again) {
        return new Diagnosis(Outcome.INCOMPLETE, "tlsprobe could not read this connection's transcript.",
            WindowsNames.forOutcome(Outcome.INCOMPLETE, null), List.of(), List.of(), List.of(failed), List.of(), HandshakeFacts.none());
      }
    }
  }

  /** CONNECT_FAILED for a live probe that got no connection: {@code detail} says why (refused, timed out, DNS). */
  public Diagnosis connectFailed(String detail) {
    String why = detail == null || detail.isBlank() ? "the connection could not be made" : detail;
    return new Diagnosis(Outcome.CONNECT_FAILED,
        "No TCP connection: " + why + "; check the name, the port, and firewalls on the way.",
        WindowsNames.forConnectFailure(why), List.of(), List.of(), List.of(), List.of(), HandshakeFacts.none());
  }

  private Diagnosis judge(HandshakeObservation obs, DiagnosisContext ctx) {
    HandshakeTranscript t = obs.transcript();
    List<Finding> findings = new ArrayList<>();
    List<Finding> clientFindings = new ArrayList<>();

    SideChain server = SideChain.NONE;
    Optional<CertificateMessage> serverCert = t.serverCertificate().filter(c -> !c.certificates().isEmpty());
    if (serverCert.isPresent()) {
      server = sideChain(serverCert.get(), Side.SERVER, Purpose.SERVER, expectedNames(t, ctx), obs, ctx);
      findings.addAll(server.evidence());
    } else if (t.serverHello().map(sh -> sh.version() == TlsVersion.TLSv1_3).orElse(false)) {
      findings.add(CHAIN_HIDDEN);
    }

    SideChain client = SideChain.NONE;
    Optional<CertificateMessage> clientCert = t.clientCertificate().filter(c -> !c.certificates().isEmpty());
    if (clientCert.isPresent()) {
      client = sideChain(clientCert.get(), Side.CLIENT, Purpose.CLIENT, List.of(), obs, ctx);
      clientFindings.addAll(client.evidence());
    }
    List<CertificateDetails> chain = server.details();
    List<CertificateDetails> clientChain = client.details();

    // no capturing lambdas on this path, flow after flow (see BoundedCache.find)
    Optional<CertificateRequest> request = t.certificateRequest();
    if (request.isPresent()) {
      CertificateRequest req = request.get();
      int size = req.certificateAuthoritiesSize();
      if (size > CLIENT_CA_LIST_LIMIT) {
        findings.add(new Finding(CLIENT_CA_LIST_TOO_LARGE, Severity.WARNING, TextFormat.format(
            "The server's CertificateRequest lists %d CA names in %d bytes, more than the ~16 KB Windows Schannel sends (Schannel 36885): clients may find no matching certificate.",
            req.certificateAuthorities().size(), size), null,
            "Remove roots the server does not need from its Trusted Root store, or send no CA list (SendTrustedIssuerList=0)."));
      }
    }

    Classification c = TranscriptClassifier.classify(t, server.evidence());
    return new Diagnosis(c.outcome(), c.explanation(), c.windows(), chain, clientChain, sorted(findings, server.evidence()),
        sorted(clientFindings, client.evidence()), c.facts());
  }

  /** Reports' order: worst first, then the handshake's own findings before those of certificate 0, 1, ... */
  static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
      .thenComparing(f -> f.certificate() == null ? -1 : f.certificate())
      .thenComparing(Finding::code)
      .thenComparing(Finding::message);

  /**
   * {@code all} in report order. When it holds nothing but the cached rule findings (already in this order),
   * those are returned as they are: flows with the same chain then share one list, which reports compare
   * and cache by it, flow after flow.
   */
  private static List<Finding> sorted(List<Finding> all, List<Finding> ruleFindings) {
    if (all.size() == ruleFindings.size()) {
      return ruleFindings;
    }
    all.sort(ORDER);
    return all;
  }

  /**
   * One side's chain as the judge sees it: the certificates that decode, the rules' findings on them, and a
   * finding for each certificate that was sent but does not decode. {@code evidence} is what narrows an
   * outcome and what the report lists; without undecodable certificates it is the rules' shared list itself.
   */
  private record SideChain(List<CertificateDetails> details, List<Finding> evidence) {
    static final SideChain NONE = new SideChain(List.of(), List.of());
  }

  private SideChain sideChain(CertificateMessage m, Side side, Purpose purpose, List<String> names, HandshakeObservation obs,
      DiagnosisContext ctx) {
    List<CertificateCache.Undecodable> undecodable = new ArrayList<>(0);
    List<CertificateCache.Entry> decoded = certificates.decode(m.certificates(), undecodable);
    List<CertificateDetails> details = detailsOf(decoded);
    List<Finding> ruleFindings = List.of();
    List<X509Certificate> certs = certificatesOf(decoded);
    if (!certs.isEmpty()) {
      Instant at = ctx.at().isPresent() ? ctx.at().get() : certificateTime(obs.transcript(), side, obs.start());
      ruleFindings = runRules(new ChainContext(certs, ctx.role(), purpose, names, at, ctx.trust(), ctx.warnDays()), details, ctx);
    }
    if (undecodable.isEmpty()) {
      return new SideChain(details, ruleFindings);
    }
    List<Finding> evidence = new ArrayList<>();
    for (CertificateCache.Undecodable u : undecodable) {
      evidence.add(new Finding(CERTIFICATE_UNREADABLE, Severity.ERROR,
          UndecodableCertificate.sentence("The " + side.label() + "'s certificate " + u.position(), u.subject(), u.why()), null, ""));
    }
    for (Finding f : ruleFindings) {
      if (!issuerSentButUndecodable(f, certs, undecodable)) {
        evidence.add(f);
      }
    }
    evidence.sort(ORDER); // in report order, like the rules' own list
    return new SideChain(details, evidence);
  }

  /**
   * A CHAIN_INCOMPLETE finding whose missing issuer is a certificate the peer did send, which did not
   * decode: the issuer was not left out, and CERTIFICATE_UNREADABLE says what is wrong with it.
   */
  private static boolean issuerSentButUndecodable(Finding f, List<X509Certificate> certs, List<CertificateCache.Undecodable> undecodable) {
    if (!f.code().equals("CHAIN_INCOMPLETE") || f.certificate() == null || f.certificate() >= certs.size()) {
      return false;
    }
    X500Principal issuer = certs.get(f.certificate()).getIssuerX500Principal();
    for (CertificateCache.Undecodable u : undecodable) {
      if (u.subject().isPresent() && u.subject().get().equals(issuer)) {
        return true;
      }
    }
    return false;
  }

  private static List<X509Certificate> certificatesOf(List<CertificateCache.Entry> entries) {
    List<X509Certificate> out = new ArrayList<>(entries.size());
    for (CertificateCache.Entry e : entries) {
      out.add(e.certificate());
    }
    return out;
  }

  private static List<CertificateDetails> detailsOf(List<CertificateCache.Entry> entries) {
    List<CertificateDetails> out = new ArrayList<>(entries.size());
    for (CertificateCache.Entry e : entries) {
      out.add(e.details());
    }
    return out;
  }

  /** --name, else the SNI the client sent (none: the name rule has nothing to check). */
  private static List<String> expectedNames(HandshakeTranscript t, DiagnosisContext ctx) {
    if (!ctx.names().isEmpty()) {
      return ctx.names();
    }
    return t.clientHello().flatMap(ch -> ch.serverName()).map(List::of).orElse(List.of());
  }

  /** When the certificate was on the wire: its Certificate message's packet time, else the flow's start, else now. */
  private Instant certificateTime(HandshakeTranscript t, Side side, Instant start) {
    for (TranscriptEvent e : t.events()) {
      if (e instanceof TranscriptEvent.Handshake h && h.from() == side && h.type() == HandshakeType.CERTIFICATE && h.time() != null) {
        return h.time();
      }
    }
    return start != null ? start : clock.instant();
  }
}
