package org.tlsprobe.diagnose.handshake;

import static org.tlsprobe.diagnose.handshake.TranscriptReading.NONE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tlsprobe.diagnose.handshake.TranscriptReading.Step;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.HandshakeFacts.AlertFact;
import org.tlsprobe.model.HandshakeFacts.CloseFact;
import org.tlsprobe.model.Outcome;
import org.tlsprobe.model.Severity;
import org.tlsprobe.model.TextFormat;
import org.tlsprobe.tls.AlertDescription;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.transcript.TranscriptEvent.Close;
import org.tlsprobe.tls.transcript.TranscriptEvent.ProtocolViolation;
import org.tlsprobe.tls.wire.ClientHello;

/**
 * Transcript (+ the server chain's findings, when a chain was seen) -> outcome, explanation and Windows
 * names: a pure function, the same for a capture and a live probe (SPEC.md "Outcomes").
 *
 * <p>The order of the rules is the order of the evidence: a completed handshake is OK whatever came after;
 * else the first fatal alert before completion decides; else a TCP reset decides, read from who closed
 * first and after which message; a FIN alone never fails a handshake (the client may just have gone away),
 * except a server that closes right after the ClientHello without a word, which is how Schannel turns away
 * a ClientHello it has no cipher suite for. Where the transcript shows only that the client gave up after
 * the server's certificate, the chain's own findings name the reason.
 */
public final class TranscriptClassifier {
  private static final Set<Integer> CERTIFICATE_ALERTS = Set.of(
      AlertDescription.BAD_CERTIFICATE, AlertDescription.UNSUPPORTED_CERTIFICATE, AlertDescription.CERTIFICATE_UNKNOWN);
  /** Server alerts that, after a client flight without a certificate, mean "I wanted your certificate". */
  private static final Set<Integer> CLIENT_CERT_ALERTS = Set.of(40, 41, 42, 43, 44, 45, 46, 48, 49, 51, 116);

  private TranscriptClassifier() {}

  /** Classifies with no chain evidence (no chain seen, or none decoded). */
  public static Classification classify(HandshakeTranscript transcript) {
    return classify(transcript, List.of());
  }

  /**
   * @param serverChainFindings the shared chain rules' findings on the server's chain, judged at packet time;
   *     only error findings narrow an outcome
   */
  public static Classification classify(HandshakeTranscript transcript, List<Finding> serverChainFindings) {
    TranscriptReading r = new TranscriptReading(transcript);
    ChainEvidence chain = new ChainEvidence(serverChainFindings, transcript.serverCertificate().map(c -> !c.certificates().isEmpty()).orElse(false));
    Verdict v = judge(r, chain);
    HandshakeFacts facts = new HandshakeFacts(r.completed(), r.alert, r.firstReset(), r.firstClose(), r.notes());
    AlertFact decisiveAlert = v.outcome() == Outcome.OK ? null : r.alert.orElse(null);
    return new Classification(v.outcome(), v.explanation(), WindowsNames.forOutcome(v.outcome(), decisiveAlert), facts);
  }

  private static Verdict judge(TranscriptReading r, ChainEvidence chain) {
    boolean clientTls = r.sentTls(Side.CLIENT, NONE);
    boolean serverTls = r.sentTls(Side.SERVER, NONE);
    if (!clientTls && !serverTls) {
      Optional<ProtocolViolation> v = r.firstViolation(Side.SERVER).or(() -> r.firstViolation(Side.CLIENT));
      if (v.isPresent()) {
        return new Verdict(Outcome.NOT_TLS, TextFormat.format(
            "Neither side spoke TLS: the %s sent bytes that are not TLS (%s); check that this port serves TLS and not plain SIP or HTTP.",
            v.get().from().label(), v.get().message()));
      }
      return new Verdict(Outcome.NOT_TLS,
          "The connection carried data, but no TLS record from either side: this port speaks something else (plain SIP or HTTP?).");
    }
    if (r.completed()) {
      return new Verdict(Outcome.OK, "");
    }
    if (clientTls && !serverTls && r.sentViolation(Side.SERVER)) {
      ProtocolViolation v = r.firstViolation(Side.SERVER).get();
      return new Verdict(Outcome.NOT_TLS, TextFormat.format(
          "The server answered the ClientHello with bytes that are not TLS (packet %d: %s): the port does not speak TLS, or something in between rewrites the traffic.",
          v.packet(), v.message()));
    }
    boolean clientHello = r.saw(Side.CLIENT, HandshakeType.CLIENT_HELLO, NONE) || r.saw(Side.CLIENT, HandshakeType.SSL2_CLIENT_HELLO, NONE);
    boolean serverHello = r.saw(Side.SERVER, HandshakeType.SERVER_HELLO, NONE) || r.saw(Side.SERVER, HandshakeType.HELLO_RETRY_REQUEST, NONE)
        || r.saw(Side.SERVER, HandshakeType.SSL2_SERVER_HELLO, NONE);
    if (!clientHello && !serverHello) {
      return new Verdict(Outcome.INCOMPLETE,
          "The connection was captured mid-stream: its handshake is not in the capture, so nothing can be said about it.");
    }
    if (r.alert.isPresent()) {
      return byAlert(r, chain, r.alert.get());
    }
    if (r.firstCloseAt != NONE) {
      Close first = (Close) r.events[r.firstCloseAt];
      if (first.from() == Side.SERVER && !r.sentTls(Side.SERVER, r.firstCloseAt)) {
        return cipherMismatchByClose(r, first);
      }
      if (r.firstResetAt != NONE) {
        return byAbort(r, chain, first);
      }
    }
    return incomplete(r, chain);
  }

  private static Verdict byAlert(TranscriptReading r, ChainEvidence chain, AlertFact a) {
    Optional<Step> before = r.lastStepBefore(r.alertAt);
    String where = rightAfter(before, a.from());
    String alertName = a.encrypted() ? "an encrypted alert" : TextFormat.format("fatal alert %s (%d)", a.description(), a.code());
    String sender = "The " + a.from().label();
    boolean answersClientHello = a.from() == Side.SERVER && !r.saw(Side.SERVER, HandshakeType.SERVER_HELLO, r.alertAt);
    boolean afterClientFlight = a.from() == Side.SERVER && r.clientFlightBegun(r.alertAt);
    int code = a.code();

    if (code == AlertDescription.PROTOCOL_VERSION) {
      return new Verdict(Outcome.PROTOCOL_MISMATCH, TextFormat.format(
          "%s refused the protocol version with %s%s: the client offered %s; enable a version both sides share (TLS 1.2 at least) on the %s.",
          sender, alertName, where, offered(r), a.from() == Side.SERVER ? "client or the server" : "server or the client"));
    }
    if (a.from() == Side.SERVER && answersClientHello) {
      if (code == AlertDescription.HANDSHAKE_FAILURE || code == AlertDescription.INSUFFICIENT_SECURITY) {
        return new Verdict(Outcome.CIPHER_MISMATCH, TextFormat.format(
            "The server answered the client's ClientHello with %s: it shares no cipher suite (or curve, or signature algorithm) with the %d the client offered%s; enable a common suite on one side.",
            alertName, r.transcript.clientHello().map(ch -> ch.cipherSuites().size()).orElse(0), versionsNote(r)));
      }
      if (code == AlertDescription.CERTIFICATE_REQUIRED) {
        return clientCertMissing(r, alertName, where);
      }
      if (code == AlertDescription.UNRECOGNIZED_NAME) {
        return unrecognizedName(r, alertName);
      }
      String advice = alertAdvice(a);
      return new Verdict(Outcome.ALERT, TextFormat.format("The server refused the client's ClientHello with %s%s.",
          alertName, advice.isEmpty() ? "; see what the server logs for it" : advice));
    }
    if (a.from() == Side.SERVER && a.encrypted() && r.tls13 && afterClientFlight) {
      Boolean sent = r.tls13ClientCertificateBySize();
      if (Boolean.FALSE.equals(sent)) {
        return new Verdict(Outcome.CLIENT_CERT_MISSING, TextFormat.format(
            "The client's encrypted flight held an empty Certificate (its 25-byte first record), and the server answered with an encrypted alert (packet %d) and closed: it requires a client certificate; give the client one with Client Authentication EKU from a CA the server trusts.",
            a.packet()));
      }
      if (Boolean.TRUE.equals(sent)) {
        return new Verdict(Outcome.CLIENT_CERT_REJECTED, TextFormat.format(
            "The client sent its certificate (Certificate, CertificateVerify, Finished, all encrypted), and the server answered with an encrypted alert (packet %d) and closed: it rejected that certificate; check its chain, Client Authentication EKU and validity against what the server trusts.",
            a.packet()));
      }
      return new Verdict(Outcome.ALERT, TextFormat.format(
          "The server answered the client's encrypted flight with an encrypted alert (packet %d) and closed: it refused the handshake at the end (often the client certificate); TLS 1.3 hides which alert, so look at the server's log.", a.packet()));
    }
    if (a.from() == Side.SERVER && (afterClientFlight || code == AlertDescription.CERTIFICATE_REQUIRED)) {
      if (r.clientSentCertificate() && (a.encrypted() || CLIENT_CERT_ALERTS.contains(code))) {
        return new Verdict(Outcome.CLIENT_CERT_REJECTED, TextFormat.format(
            "The server rejected the client's certificate with %s%s%s; check the client certificate's chain, Client Authentication EKU and validity against what the server trusts.",
            alertName, where, clientCertReason(code)));
      }
      if (r.certificateRequested() && !r.clientSentCertificate() && (a.encrypted() || CLIENT_CERT_ALERTS.contains(code))) {
        return clientCertMissing(r, alertName, where);
      }
    }
    if (a.from() == Side.CLIENT && !a.encrypted()) {
      if (code == AlertDescription.UNKNOWN_CA && !chain.has("CERTIFICATE_UNREADABLE")) {
        Outcome o = chain.has("CHAIN_INCOMPLETE") ? Outcome.CHAIN_INCOMPLETE : Outcome.UNTRUSTED_ROOT;
        return new Verdict(o, o == Outcome.CHAIN_INCOMPLETE
            ? TextFormat.format("The client rejected the server's chain with %s%s: the server did not send the intermediate CA certificate%s; configure the server to send its full chain.", alertName, where, chain.detail("CHAIN_INCOMPLETE"))
            : TextFormat.format("The client rejected the server's certificate with %s%s: it does not trust the root CA of the chain%s; install that root in the client's Trusted Root Certification Authorities or use a certificate from a CA the client trusts.", alertName, where, chain.hiddenNote(r)));
      }
      if (code == AlertDescription.CERTIFICATE_EXPIRED) {
        return new Verdict(Outcome.CERT_EXPIRED, TextFormat.format(
            "The client rejected the server's certificate with %s%s: a certificate in the chain is outside its validity%s; renew it and bind the new one.", alertName, where, chain.detail("CERT_EXPIRED")));
      }
      if (code == AlertDescription.CERTIFICATE_REVOKED) {
        return new Verdict(Outcome.CERT_REVOKED, TextFormat.format(
            "The client rejected the server's certificate with %s%s: the CA revoked it; issue and bind a new certificate.", alertName, where));
      }
      if (CERTIFICATE_ALERTS.contains(code) || code == AlertDescription.UNKNOWN_CA) {
        Outcome narrowed = chain.narrowed();
        if ((narrowed == null || narrowed == Outcome.UNTRUSTED_ROOT) && (chain.has("EKU_SERVER_AUTH_MISSING") || chain.has("KEY_USAGE_MISMATCH"))) {
          // the certificate is not fit for a TLS server whoever trusts it: that, not the root, is what the alert says
          return new Verdict(Outcome.BAD_CERTIFICATE, TextFormat.format(
              "The client rejected the server's certificate with %s%s: the certificate is not made for a TLS server%s; have it re-issued with Server Authentication.",
              alertName, where, chain.detail(chain.has("EKU_SERVER_AUTH_MISSING") ? "EKU_SERVER_AUTH_MISSING" : "KEY_USAGE_MISMATCH")));
        }
        if (narrowed != null) {
          return new Verdict(narrowed, TextFormat.format("The client rejected the server's certificate with %s%s, and the chain shows why: %s.",
              alertName, where, chain.reason(narrowed)));
        }
        return new Verdict(Outcome.BAD_CERTIFICATE, TextFormat.format(
            "The client rejected the server's certificate with %s%s%s; check on the client why it refuses it (its event log names the reason).",
            alertName, where, chain.visible ? ", and the chain shows no error we can check" : chain.hiddenNote(r)));
      }
    }
    if (a.encrypted() && a.from() == Side.CLIENT && r.tls13 && !chain.visible) {
      return new Verdict(Outcome.ALERT, TextFormat.format(
          "The client sent an encrypted alert%s instead of its Finished: TLS 1.3 hides both the alert and the server's certificate, so the chain was not visible; most often the client rejected the certificate: run 'tlsprobe probe' against the server to see the chain.", where));
    }
    return new Verdict(Outcome.ALERT, TextFormat.format("%s ended the handshake with %s%s%s.", sender, alertName, where, alertAdvice(a)));
  }

  /** The server has nothing bound for the name the client asked for (or asks for a name and got none). */
  private static Verdict unrecognizedName(TranscriptReading r, String alertName) {
    Optional<String> sni = r.transcript.clientHello().flatMap(ClientHello::serverName);
    return new Verdict(Outcome.ALERT, sni.isPresent()
        ? TextFormat.format("The server refused the client's ClientHello with %s: it has no certificate or site for %s, the name the client asked for (SNI); bind a certificate for that name on the server, or have the client connect with a name the server serves.",
            alertName, sni.get())
        : TextFormat.format("The server refused the client's ClientHello with %s: the client sent no server name (SNI), and the server serves nothing without one; have the client connect by the server's name.",
            alertName));
  }

  private static Verdict clientCertMissing(TranscriptReading r, String alertName, String where) {
    String sent = r.transcript.clientCertificate().isPresent() ? "an empty Certificate message" : "no certificate";
    return new Verdict(Outcome.CLIENT_CERT_MISSING, TextFormat.format(
        "The server asked for a client certificate (CertificateRequest), the client sent %s, and the server ended the handshake with %s%s; give the client a certificate with Client Authentication EKU from a CA the server lists.",
        sent, alertName, where));
  }

  private static Verdict cipherMismatchByClose(TranscriptReading r, Close c) {
    String how = c.reset() ? "reset the connection" : "closed the connection";
    String packet = c.packet() > 0 ? " (packet " + c.packet() + ")" : "";
    return new Verdict(Outcome.CIPHER_MISMATCH, TextFormat.format(
        "The server %s%s right after the client's ClientHello without any TLS answer: it shares no cipher suite with the client (Schannel does this instead of an alert)%s; enable a common suite on one side.",
        how, packet, versionsNote(r)));
  }

  /** The first close before completion came with a reset somewhere: who gave up after which message. */
  private static Verdict byAbort(TranscriptReading r, ChainEvidence chain, Close first) {
    int at = r.firstCloseAt;
    Optional<Step> before = r.lastStepBefore(at);
    String how = first.reset() ? "reset the connection" : "closed the connection";
    String packet = first.packet() > 0 ? (first.reset() ? " (packet " : " (FIN, packet ") + first.packet() + ")" : first.reset() ? "" : " (FIN)";
    String where = rightAfter(before, first.from());
    boolean clientBegun = r.clientFlightBegun(at);
    if (first.from() == Side.CLIENT) {
      boolean certSeen = r.saw(Side.SERVER, HandshakeType.CERTIFICATE, at);
      if (certSeen && !clientBegun) {
        Outcome o = chain.narrowedForAbort();
        String why = o == Outcome.UNTRUSTED_ROOT
            ? (chain.visible ? "the chain shows no other error, so most likely the client does not trust its root CA; install that root in the client's Trusted Root Certification Authorities"
                : "no certificate was decoded, so most likely the client does not trust the chain")
            : chain.reason(o) + "; fix that certificate";
        return new Verdict(o, TextFormat.format("The client %s%s%s without an alert, as Schannel does when it rejects the server's certificate: %s.",
            how, packet, where, why));
      }
      if (r.serverEncryptedFlightBefore(at) && !clientBegun) {
        return new Verdict(Outcome.RESET_DURING_HANDSHAKE, TextFormat.format(
            "The client %s%s%s: TLS 1.3 hides the certificate, so the chain was not visible; a client that rejects the certificate behaves like this: run 'tlsprobe probe' against the server to see the chain.",
            how, packet, where));
      }
      if (!clientBegun) {
        boolean serverAnswered = r.sentTls(Side.SERVER, at);
        if (!first.reset()) {
          return new Verdict(Outcome.RESET_DURING_HANDSHAKE, TextFormat.format(
              "The client abandoned the connection: it closed it (FIN%s)%s before the server's certificate arrived, and reset later; a cancelled or speculative connection, not a certificate failure.",
              first.packet() > 0 ? ", packet " + first.packet() : "", where));
        }
        return new Verdict(Outcome.RESET_DURING_HANDSHAKE, TextFormat.format(
            "The client reset the connection%s%s%s; the server's certificate had not arrived, so this is the client giving up (a cancelled connection, or a client that rejects the server's hello).",
            packet, where, serverAnswered ? "" : " before the server answered"));
      }
      return new Verdict(Outcome.RESET_DURING_HANDSHAKE, TextFormat.format(
          "The client %s%s%s, after its own flight and before the server's Finished; look at the client's log for the reason.", how, packet, where));
    }
    boolean afterClientFlight = clientBegun && before.map(s -> s.from() == Side.CLIENT).orElse(false);
    if (afterClientFlight && r.clientSentCertificate()) {
      return new Verdict(Outcome.CLIENT_CERT_REJECTED, TextFormat.format(
          "The server %s%s%s, which carried the client's certificate: it rejected that certificate without an alert (as Schannel does); check the client certificate's chain, Client Authentication EKU and validity against what the server trusts.",
          how, packet, where));
    }
    if (afterClientFlight && r.certificateRequested()) {
      return new Verdict(Outcome.CLIENT_CERT_MISSING, TextFormat.format(
          "The server asked for a client certificate, the client sent %s, and the server %s%s%s; give the client a certificate with Client Authentication EKU from a CA the server lists.",
          r.transcript.clientCertificate().isPresent() ? "an empty Certificate message" : "none", how, packet, where));
    }
    return new Verdict(Outcome.RESET_DURING_HANDSHAKE, TextFormat.format(
        "The server %s%s%s; look at the server's log (Schannel events) for the reason.", how, packet, where));
  }

  private static Verdict incomplete(TranscriptReading r, ChainEvidence chain) {
    StringBuilder s = new StringBuilder("The handshake did not finish");
    Optional<Step> last = r.lastStepBefore(NONE);
    if (r.firstCloseAt != NONE) {
      Close c = (Close) r.events[r.firstCloseAt];
      Optional<Step> before = r.lastStepBefore(r.firstCloseAt);
      s.append(TextFormat.format(": the %s closed the connection (FIN%s)%s without an alert",
          c.from().label(), c.packet() > 0 ? ", packet " + c.packet() : "", rightAfter(before, c.from())));
      if (c.from() == Side.CLIENT && r.saw(Side.SERVER, HandshakeType.CERTIFICATE, r.firstCloseAt) && !r.clientFlightBegun(r.firstCloseAt)) {
        Outcome o = chain.narrowedForAbort();
        s.append(o != Outcome.UNTRUSTED_ROOT && o != null
            ? "; the client may have refused the certificate: " + chain.reason(o)
            : "; if this repeats, the client may not accept the server's certificate (see the findings)");
      } else if (c.from() == Side.CLIENT && !r.sentTls(Side.SERVER, r.firstCloseAt)) {
        s.append("; the client gave up before the server answered");
      }
    } else {
      s.append(last.map(b -> " within the capture: it ends after " + b.phrase()).orElse(" within the capture"));
      if (!r.sentTls(Side.SERVER, NONE)) {
        s.append("; nothing from the server was captured");
      } else if (!r.sentTls(Side.CLIENT, NONE)) {
        s.append("; nothing from the client was captured (a one-sided capture)");
      }
    }
    if (r.hasGap()) {
      s.append("; parts of the stream are missing from the capture");
    }
    return new Verdict(Outcome.INCOMPLETE, s.append('.').toString());
  }

  /**
   * {@code " right after the server's ServerHelloDone (packet 6)"}, told as {@code who} sees it; empty without
   * a step. A method, not an Optional.map lambda: capturing lambdas cost a JNI call each in C1 code, flow after flow.
   */
  private static String rightAfter(Optional<Step> before, Side who) {
    return before.isPresent() ? " right after " + before.get().phrase(who) : "";
  }

  private static String offered(TranscriptReading r) {
    StringBuilder s = new StringBuilder();
    for (TlsVersion v : offeredVersions(r)) {
      s.append(s.length() > 0 ? ", " : "").append(v.label());
    }
    return s.length() > 0 ? s.toString() : "versions the capture does not show";
  }

  /** The known versions the ClientHello offered (supported_versions, else its legacy version), each once. */
  private static List<TlsVersion> offeredVersions(TranscriptReading r) {
    List<TlsVersion> out = new ArrayList<>();
    Optional<ClientHello> hello = r.transcript.clientHello();
    if (hello.isPresent()) {
      ClientHello ch = hello.get();
      for (int code : ch.supportedVersions().isEmpty() ? List.of(ch.legacyVersion()) : ch.supportedVersions()) {
        TlsVersion v = TlsVersion.of(code);
        if (v != TlsVersion.UNKNOWN && !out.contains(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** When the client offered nothing newer than TLS 1.1, a server turning it away may mean the version, not the suite. */
  private static String versionsNote(TranscriptReading r) {
    TlsVersion max = TlsVersion.UNKNOWN;
    for (TlsVersion v : offeredVersions(r)) {
      if (max == TlsVersion.UNKNOWN || v.code() > max.code()) {
        max = v;
      }
    }
    if (max != TlsVersion.UNKNOWN && !max.isAtLeast(TlsVersion.TLSv1_2)) {
      return " (or no common version: the client offered nothing newer than " + max.label() + ")";
    }
    return "";
  }

  private static String clientCertReason(int code) {
    switch (code) {
      case AlertDescription.UNKNOWN_CA:
        return ": the server does not trust the CA that issued it";
      case AlertDescription.CERTIFICATE_EXPIRED:
        return ": it is expired";
      case AlertDescription.CERTIFICATE_REVOKED:
        return ": it is revoked";
      case AlertDescription.ACCESS_DENIED:
        return ": the server does not allow this client";
      case 51:
        return ": its CertificateVerify did not check out (wrong key, or an algorithm the server refuses)";
      default:
        return "";
    }
  }

  private static String alertAdvice(AlertFact a) {
    if (a.encrypted()) {
      return "; it cannot be read without the keys: look at that side's log";
    }
    switch (a.code()) {
      case 20:
      case 51:
        return "; a key or MAC check failed: often a middlebox altering the traffic or a broken implementation";
      case 47:
      case 50:
        return "; the " + a.from().other().label() + " sent a message the " + a.from().label() + " could not parse";
      case 80:
        return "; the " + a.from().label() + " hit an internal error: see its log";
      case AlertDescription.UNRECOGNIZED_NAME:
        return "; the server has no certificate for the name the client asked for (SNI)";
      default:
        return "";
    }
  }

  private record Verdict(Outcome outcome, String explanation) {}

  /** What the server chain's error findings say, by code, for narrowing an outcome. */
  private static final class ChainEvidence {
    private final List<Finding> errors;
    private final boolean visible;

    ChainEvidence(List<Finding> findings, boolean visible) {
      this.errors = new ArrayList<>(findings.size());
      for (Finding f : findings) {
        if (f.severity() == Severity.ERROR) {
          errors.add(f);
        }
      }
      this.visible = visible;
    }

    boolean has(String code) {
      return firstError(code) != null;
    }

    String detail(String code) {
      Finding f = firstError(code);
      return f == null ? "" : " (" + trimDot(f.message()) + ")";
    }

    private Finding firstError(String code) {
      for (Finding f : errors) {
        if (f.code().equals(code)) {
          return f;
        }
      }
      return null;
    }

    String hiddenNote(TranscriptReading r) {
      return !visible && r.tls13 ? " (TLS 1.3 hides the certificate, so the chain was not visible)" : "";
    }

    /** An alert 42/43/46 narrowed by the chain, or null when the chain shows no error that explains it. */
    Outcome narrowed() {
      if (has("CERT_EXPIRED") || has("CERT_NOT_YET_VALID")) {
        return Outcome.CERT_EXPIRED;
      }
      if (has("CERT_REVOKED")) {
        return Outcome.CERT_REVOKED;
      }
      if (has("CHAIN_INCOMPLETE")) { // never about a certificate that was sent but does not decode (Diagnostician)
        return Outcome.CHAIN_INCOMPLETE;
      }
      if (has("CERTIFICATE_UNREADABLE")) {
        return Outcome.BAD_CERTIFICATE; // what the client could not read either, it could not accept
      }
      if (has("NAME_MISMATCH")) {
        return Outcome.NAME_MISMATCH;
      }
      if (has("CHAIN_UNTRUSTED") || has("SELF_SIGNED")) {
        return Outcome.UNTRUSTED_ROOT;
      }
      return null;
    }

    /** A client that gave up right after the certificate: the chain's error, else an untrusted root. */
    Outcome narrowedForAbort() {
      Outcome o = narrowed();
      return o == null ? Outcome.UNTRUSTED_ROOT : o;
    }

    String reason(Outcome o) {
      switch (o) {
        case CERT_EXPIRED:
          return "a certificate in the chain is outside its validity at the time of the capture" + first("CERT_EXPIRED", "CERT_NOT_YET_VALID");
        case CERT_REVOKED:
          return "a certificate in the chain is revoked" + first("CERT_REVOKED");
        case CHAIN_INCOMPLETE:
          return "the server did not send the intermediate CA needed to reach a root" + first("CHAIN_INCOMPLETE");
        case NAME_MISMATCH:
          return "the certificate does not cover the name the client asked for" + first("NAME_MISMATCH");
        case BAD_CERTIFICATE:
          Finding unreadable = firstError("CERTIFICATE_UNREADABLE");
          return unreadable == null ? "a certificate in the chain cannot be decoded" : lowerFirst(trimDot(unreadable.message()));
        default:
          return "the chain does not lead to a trusted root" + first("CHAIN_UNTRUSTED", "SELF_SIGNED");
      }
    }

    private String first(String... codes) {
      for (String c : codes) {
        String d = detail(c);
        if (!d.isEmpty()) {
          return d;
        }
      }
      return "";
    }

    /** "The server's certificate 1 ..." as the middle of a sentence. */
    private static String lowerFirst(String s) {
      return s.startsWith("The ") ? "t" + s.substring(1) : s;
    }

    private static String trimDot(String s) {
      String t = s.strip();
      return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
  }
}
