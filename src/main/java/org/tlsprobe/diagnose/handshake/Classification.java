package org.tlsprobe.diagnose.handshake;

import java.util.List;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.model.Outcome;

/**
 * The classifier's verdict on one transcript: the outcome, one sentence a person can act on (empty for
 * {@code OK}), what Windows would log for it, and the facts reports show beside it.
 */
public record Classification(Outcome outcome, String explanation, List<String> windows, HandshakeFacts facts) {
  public Classification {
    windows = List.copyOf(windows);
  }
}
