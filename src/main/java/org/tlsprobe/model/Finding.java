package org.tlsprobe.model;

import java.util.Objects;

/**
 * One certificate or configuration finding. {@code certificate} is the index in the chain (0 = leaf) when
 * one certificate is meant, else null; {@code advice} says what to do about it (may be empty).
 */
public record Finding(String code, Severity severity, String message, Integer certificate, String advice) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    advice = advice == null ? "" : advice;
  }

  // Written out rather than generated: caches compare lists of findings once per flow, and the generated
  // record methods (method handles) cost several times more under the C1 compiler the launcher uses.

  @Override
  public int hashCode() {
    int h = code.hashCode();
    h = 31 * h + severity.hashCode();
    h = 31 * h + message.hashCode();
    h = 31 * h + Objects.hashCode(certificate);
    return 31 * h + advice.hashCode();
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof Finding f && code.equals(f.code) && severity == f.severity && message.equals(f.message)
        && Objects.equals(certificate, f.certificate) && advice.equals(f.advice);
  }
}
