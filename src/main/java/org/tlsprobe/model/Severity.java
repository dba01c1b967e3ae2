package org.tlsprobe.model;

/** How bad a finding is; {@code error} findings fail the run (exit 1). Ordered worst first. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The word used in reports and JSON: {@code error}, {@code warning}, {@code info}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
