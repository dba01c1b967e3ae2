package org.tlsprobe.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tlsprobe.tls.AlertDescription;
import org.tlsprobe.tls.Side;

/**
 * What the judge read from a transcript besides the verdict, for reports: whether the handshake completed,
 * the first fatal alert before completion, the first TCP reset, who closed first, and notes on what limits
 * the evidence (gaps, TLS 1.3 hiding the certificate, bytes that were not TLS).
 *
 * @param alert the first fatal (or unreadable, encrypted) alert sent before the handshake completed
 * @param reset the first TCP RST of the connection, wherever it came
 * @param closedFirst the first FIN or RST of the connection
 */
public record HandshakeFacts(
    boolean completed, Optional<AlertFact> alert, Optional<CloseFact> reset, Optional<CloseFact> closedFirst, List<String> notes) {

  public HandshakeFacts {
    notes = List.copyOf(notes);
  }

  /** No transcript was read (a live probe that could not connect). */
  public static HandshakeFacts none() {
    return new HandshakeFacts(false, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * An alert. {@code level} and {@code code} are -1 when the alert was encrypted (TLS 1.3's alerts are
   * application_data records; a 19-byte one after the ServerHello is taken for an alert).
   */
  public record AlertFact(long packet, Instant time, Side from, int level, int code) {
    public boolean encrypted() {
      return code < 0;
    }

    /** {@code fatal}, {@code warning}, or null when it cannot be read. */
    public String levelLabel() {
      return level == 2 ? "fatal" : level == 1 ? "warning" : null;
    }

    /** e.g. {@code unknown_ca}; {@code encrypted} when it cannot be read. */
    public String description() {
      return encrypted() ? "encrypted" : AlertDescription.name(code);
    }
  }

  /**
   * A FIN or RST. {@code after} names the last handshake message seen before it (ChangeCipherSpec ignored;
   * {@code Encrypted} for TLS 1.3's encrypted server flight), null when none was.
   */
  public record CloseFact(long packet, Instant time, Side from, boolean reset, String after) {}
}
