package org.tlsprobe.model;

import java.util.List;

/**
 * The {@code cert} command's result for one file: the purpose it was checked for (server, client, or ca),
 * the chain as read (leaf first), the findings (sorted), and notes about reading it (e.g. a private key
 * that was skipped, a chain put into order).
 */
public record CertificateFileReport(String path, String format, String purpose, List<CertificateDetails> chain, List<Finding> findings,
    List<String> notes) {
  public CertificateFileReport {
    chain = List.copyOf(chain);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  public boolean hasError() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
