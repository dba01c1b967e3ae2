package org.tlsprobe.probe;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Application bytes to send over the TLS connection once the handshake completed (a SIP OPTIONS, say), and
 * when the answer is complete. The answer is collected until {@code complete} says so, the peer closes, or
 * {@code timeout} passes; at most {@code maxBytes} are kept.
 */
public record ApplicationExchange(byte[] request, Predicate<byte[]> complete, Duration timeout, int maxBytes) {
  public ApplicationExchange {
    request = request.clone();
  }
}
