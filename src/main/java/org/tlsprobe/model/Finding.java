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
}
