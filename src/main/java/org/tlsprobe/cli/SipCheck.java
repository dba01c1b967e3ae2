package org.tlsprobe.cli;

import java.time.Duration;
import java.util.Optional;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;
import org.tlsprobe.model.SipAnswer;
import org.tlsprobe.net.SipMessage;
import org.tlsprobe.net.SipOptionsRequest;
import org.tlsprobe.net.SipResponseReader;
import org.tlsprobe.probe.ApplicationAnswer;
import org.tlsprobe.probe.ApplicationExchange;

/**
 * A SIP OPTIONS sent over the probe's TLS connection once the handshake completed, and what its answer (or
 * silence) means: the SipAnswer for the report, SIP_NO_RESPONSE when no final answer came in time,
 * SIP_ERROR_RESPONSE when the answer was not 2xx (Lync/Skype edges say why in ms-diagnostics).
 */
final class SipCheck {
  /** Answers to OPTIONS are small; a server that sends more is cut here. */
  static final int MAX_ANSWER = 256 * 1024;

  private final SipOptionsRequest request;
  private final Duration timeout;

  /**
   * @param target the Request-URI host (and port): the SRV target or the probed name
   * @param fromDomain our SIP domain for From, or null
   */
  SipCheck(String target, String fromDomain, Duration timeout) {
    // Over a connection-oriented transport the answer comes back on the same connection (RFC 3261 18.2.2),
    // so Via's sent-by need not be reachable; the probe learns its local port only after connecting.
    this.request = SipOptionsRequest.to(target, fromDomain, "tlsprobe.invalid:5061");
    this.timeout = timeout;
  }

  ApplicationExchange exchange() {
    String callId = request.callId();
    return new ApplicationExchange(request.bytes(), bytes -> {
      SipResponseReader reader = new SipResponseReader(callId);
      reader.offer(bytes);
      return reader.done();
    }, timeout, MAX_ANSWER);
  }

  /** What the server answered, read from the bytes the probe collected. */
  Result read(Optional<ApplicationAnswer> answer) {
    if (answer.isEmpty() || answer.get().bytes().length == 0) {
      return new Result(Optional.empty(), Optional.of(noResponse("no answer within " + timeout.toMillis() + " ms")));
    }
    SipResponseReader reader = new SipResponseReader(request.callId());
    Optional<SipMessage> response = reader.offer(answer.get().bytes());
    if (response.isEmpty()) {
      String why = !reader.problem().isEmpty() ? reader.problem()
          : reader.lastProvisional().map(p -> "only a provisional " + p.status() + " " + p.reason() + " came").orElse("the answer was incomplete");
      return new Result(Optional.empty(), Optional.of(noResponse(why)));
    }
    SipAnswer a = response.get().toAnswer(answer.get().millis());
    if (a.success()) {
      return new Result(Optional.of(a), Optional.empty());
    }
    String diag = a.msDiagnostics().isEmpty() ? "" : " ms-diagnostics: " + a.msDiagnostics() + ".";
    return new Result(Optional.of(a), Optional.of(new Finding("SIP_ERROR_RESPONSE", Severity.WARNING,
        "The server answered our SIP OPTIONS with " + a.status() + " " + a.reason() + (a.server().isEmpty() ? "" : " (" + a.server() + ")") + "." + diag,
        null, a.status() == 403 || a.status() == 404 || a.status() == 480
            ? "The TLS side works; the SIP side refuses us: check that the partner allows our domain (federation allow list / open federation) and that the name we asked for is theirs."
            : "The TLS side works; read the status (and ms-diagnostics) for what the SIP server objects to.")));
  }

  private Finding noResponse(String why) {
    return new Finding("SIP_NO_RESPONSE", Severity.ERROR,
        "The TLS handshake completed, but our SIP OPTIONS got no final answer: " + why + ".", null,
        "Something answers TLS on this port but not SIP: check that the port is the SIP listener (not a web or reverse proxy),"
            + " and that the SIP service on it runs and accepts connections from our address.");
  }

  record Result(Optional<SipAnswer> answer, Optional<Finding> finding) {}
}
