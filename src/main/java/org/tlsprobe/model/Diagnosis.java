package org.tlsprobe.model;

import java.util.List;

/**
 * The judge's word on one observation: the outcome with what a person can do about it, what Windows would
 * log for it, the chains as reports show them, and the findings (sorted, worst first).
 */
public record Diagnosis(
    Outcome outcome,
    String explanation,
    List<String> windows,
    List<CertificateDetails> chain,
    List<CertificateDetails> clientChain,
    List<Finding> findings) {

  public Diagnosis {
    windows = List.copyOf(windows);
    chain = List.copyOf(chain);
    clientChain = List.copyOf(clientChain);
    findings = List.copyOf(findings);
  }

  public boolean hasError() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
