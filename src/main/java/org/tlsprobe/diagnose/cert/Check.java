package org.tlsprobe.diagnose.cert;

/** One rule: one SPEC finding code, one class. Like a zlint lint: metadata apart from a small body. */
public interface Check {
  CheckInfo info();

  /** Judges the chain. May throw: {@link ChainDiagnostics} turns that into a RULE_FAILED finding. */
  Verdict check(ChainAnalysis chain);
}
