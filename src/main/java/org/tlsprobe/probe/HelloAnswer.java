package org.tlsprobe.probe;

import java.util.Optional;
import org.tlsprobe.tls.wire.Alert;
import org.tlsprobe.tls.wire.ServerHello;

/**
 * How a server answered a hello-only connection ({@link Ssl3HelloConnection}): its ServerHello, or the fatal
 * alert, or neither (closed, reset, silent, not TLS, unreachable). Data, never an exception.
 *
 * @param ending how the connection ended, in words (for tests and debugging; reports do not show it)
 */
record HelloAnswer(Optional<ServerHello> serverHello, Optional<Alert> alert, String ending) {
  static HelloAnswer chose(ServerHello hello) {
    return new HelloAnswer(Optional.of(hello), Optional.empty(), "ServerHello");
  }

  static HelloAnswer refused(Alert alert) {
    return new HelloAnswer(Optional.empty(), Optional.of(alert), "alert " + alert.descriptionName());
  }

  static HelloAnswer ended(String why) {
    return new HelloAnswer(Optional.empty(), Optional.empty(), why);
  }
}
