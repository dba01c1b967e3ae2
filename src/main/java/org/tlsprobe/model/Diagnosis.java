package org.tlsprobe.model;

import java.util.List;

/**
 * The judge's word on one observation: the outcome with what a person can do about it, what Windows would
 * log for it, the chains as reports show them, and the findings (sorted, worst first).
 *
 * <p>{@code findings} are about the server's chain and the handshake; {@code clientFindings} are about the
 * client's chain (MTLS), and their {@code certificate} index points into {@code clientChain}. Reports keep
 * the two apart (JSON: {@code findings} and {@code client_findings}). {@code facts} are what the transcript
 * showed besides the verdict (alert, reset, who closed first), {@link HandshakeFacts#none()} when no
 * transcript was read.
 */
public record Diagnosis(
    Outcome outcome,
    String explanation,
    List<String> windows,
    List<CertificateDetails> chain,
    List<CertificateDetails> clientChain,
    List<Finding> findings,
    List<Finding> clientFindings,
    HandshakeFacts facts) {

  public Diagnosis {
    windows = List.copyOf(windows);
    chain = List.copyOf(chain);
    clientChain = List.copyOf(clientChain);
    findings = List.copyOf(findings);
    clientFindings = List.copyOf(clientFindings);
    facts = facts == null ? HandshakeFacts.none() : facts;
  }

  /** A diagnosis without client-chain findings or transcript facts (e.g. a certificate file). */
  public Diagnosis(
      Outcome outcome,
      String explanation,
      List<String> windows,
      List<CertificateDetails> chain,
      List<CertificateDetails> clientChain,
      List<Finding> findings) {
    this(outcome, explanation, windows, chain, clientChain, findings, List.of(), HandshakeFacts.none());
  }

  /** Whether any finding, of either chain, is an error (exit code 1). */
  public boolean hasError() {
    // a loop, not a stream: renderers ask this of every flow of a capture
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        return true;
      }
    }
    for (Finding f : clientFindings) {
      if (f.severity() == Severity.ERROR) {
        return true;
      }
    }
    return false;
  }
}
