package org.tlsprobe.probe;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to probe: timeouts per phase, how many connections at once, the SNI to send instead of the target
 * name, the client credential for MTLS, and an optional exchange after the handshake.
 *
 * @param postHandshakeWait how long to keep listening after a TLS 1.3 handshake completed, for a server
 *     that rejects the client's certificate afterwards (certificate_required, bad_certificate)
 */
public record ProbeSettings(
    Duration connectTimeout,
    Duration handshakeTimeout,
    int concurrency,
    Optional<String> sni,
    Optional<ClientCredential> credential,
    Duration postHandshakeWait,
    Function<Target, Optional<ApplicationExchange>> exchangeFor) {

  public static ProbeSettings defaults() {
    return new ProbeSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), 64, Optional.empty(), Optional.empty(),
        Duration.ofMillis(300), t -> Optional.empty());
  }

  public ProbeSettings withTimeout(Duration t) {
    return new ProbeSettings(t, t, concurrency, sni, credential, postHandshakeWait, exchangeFor);
  }

  public ProbeSettings withConcurrency(int n) {
    return new ProbeSettings(connectTimeout, handshakeTimeout, n, sni, credential, postHandshakeWait, exchangeFor);
  }

  public ProbeSettings withSni(Optional<String> s) {
    return new ProbeSettings(connectTimeout, handshakeTimeout, concurrency, s, credential, postHandshakeWait, exchangeFor);
  }

  public ProbeSettings withCredential(Optional<ClientCredential> c) {
    return new ProbeSettings(connectTimeout, handshakeTimeout, concurrency, sni, c, postHandshakeWait, exchangeFor);
  }

  /** The same exchange after every completed handshake. */
  public ProbeSettings withExchange(Optional<ApplicationExchange> x) {
    return withExchangeFor(t -> x);
  }

  /** An exchange of its own for each target (a SIP OPTIONS addressed to that target, say). */
  public ProbeSettings withExchangeFor(Function<Target, Optional<ApplicationExchange>> x) {
    return new ProbeSettings(connectTimeout, handshakeTimeout, concurrency, sni, credential, postHandshakeWait, x);
  }
}
