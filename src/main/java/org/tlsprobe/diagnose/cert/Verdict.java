package org.tlsprobe.diagnose.cert;

import java.util.List;
import org.tlsprobe.model.Finding;

/** What one rule said about one chain: passed, not applicable, failed with findings, or could not check. */
public record Verdict(String code, Status status, List<Finding> findings) {
  public enum Status { PASS, NOT_APPLICABLE, FAIL, NOT_CHECKED }

  public Verdict {
    findings = List.copyOf(findings);
  }

  public static Verdict pass(CheckInfo info) {
    return new Verdict(info.code(), Status.PASS, List.of());
  }

  public static Verdict notApplicable(CheckInfo info) {
    return new Verdict(info.code(), Status.NOT_APPLICABLE, List.of());
  }

  public static Verdict fail(CheckInfo info, List<Finding> findings) {
    return findings.isEmpty() ? pass(info) : new Verdict(info.code(), Status.FAIL, findings);
  }

  public static Verdict fail(CheckInfo info, Finding finding) {
    return fail(info, List.of(finding));
  }
}
