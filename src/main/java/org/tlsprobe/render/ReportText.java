package org.tlsprobe.render;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tlsprobe.model.CertificateDetails;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Severity;

/** The text pieces every report shares: a verdict line, a certificate block, a finding with its advice. */
public final class ReportText {
  private ReportText() {}

  /** {@code FAIL: 2 errors, 1 warning}, {@code PASS: 1 warning}, {@code PASS: no findings}. */
  public static String verdict(List<Finding> findings) {
    long errors = count(findings, Severity.ERROR);
    String counts = counts(findings);
    return (errors > 0 ? "FAIL: " : "PASS: ") + (counts.isEmpty() ? "no findings" : counts);
  }

  /** {@code 2 errors, 1 warning, 1 info}; empty when there are none. */
  public static String counts(List<Finding> findings) {
    List<String> parts = new ArrayList<>();
    long e = count(findings, Severity.ERROR);
    long w = count(findings, Severity.WARNING);
    long i = count(findings, Severity.INFO);
    if (e > 0) {
      parts.add(e + (e == 1 ? " error" : " errors"));
    }
    if (w > 0) {
      parts.add(w + (w == 1 ? " warning" : " warnings"));
    }
    if (i > 0) {
      parts.add(i + " info");
    }
    return String.join(", ", parts);
  }

  private static long count(List<Finding> findings, Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /**
   * A certificate as an indented block: {@code [0] subject}, then issuer, serial, validity (with days left
   * at {@code at}), SAN, EKU, key and signature, CDP, AIA, SHA-256. Empty lists are left out.
   */
  public static List<String> certificate(int index, CertificateDetails c, Instant at, String indent) {
    List<String> out = new ArrayList<>();
    String pad = indent + "    ";
    out.add(indent + "[" + index + "] " + c.subject());
    for (Field f : fields(c, at)) {
      out.add(pad + String.format("%-9s", f.name()) + f.value());
    }
    return out;
  }

  /** One line of a certificate as reports show it: a field's name and its value. */
  record Field(String name, String value) {}

  /** A certificate's fields below its subject, in the reports' order; empty lists are left out. */
  static List<Field> fields(CertificateDetails c, Instant at) {
    List<Field> out = new ArrayList<>();
    out.add(new Field("issuer", c.issuer()));
    out.add(new Field("serial", c.serial()));
    out.add(new Field("valid", c.notBefore() + " .. " + c.notAfter() + validityNote(c, at)));
    if (!c.san().isEmpty()) {
      out.add(new Field("SAN", String.join(", ", c.san())));
    }
    out.add(new Field("EKU", c.eku().isEmpty() ? "(none: any purpose)" : String.join(", ", c.eku())));
    out.add(new Field("key", c.key() + ", signed " + c.signature()));
    if (!c.cdp().isEmpty()) {
      out.add(new Field("CDP", String.join(", ", c.cdp())));
    }
    if (!c.aia().isEmpty()) {
      out.add(new Field("AIA", String.join(", ", c.aia())));
    }
    out.add(new Field("SHA-256", c.sha256()));
    return out;
  }

  /** {@code  (EXPIRED 3 days ago)}, {@code  (NOT YET VALID)} or {@code  (90 days left)} at {@code at}; empty without one. */
  private static String validityNote(CertificateDetails c, Instant at) {
    if (at == null) {
      return "";
    }
    if (at.isAfter(c.notAfter())) {
      return "  (EXPIRED " + Duration.between(c.notAfter(), at).toDays() + " days ago)";
    }
    if (at.isBefore(c.notBefore())) {
      return "  (NOT YET VALID)";
    }
    return "  (" + Duration.between(at, c.notAfter()).toDays() + " days left)";
  }

  /**
   * A finding as one line, {@code ERROR   CODE  [1] message}, then its advice on the next line after
   * {@code ->} when there is some.
   */
  public static List<String> finding(Finding f, String indent) {
    List<String> out = new ArrayList<>();
    String where = f.certificate() == null ? "" : "[" + f.certificate() + "] ";
    out.add(indent + String.format("%-7s ", f.severity().label().toUpperCase(java.util.Locale.ROOT)) + f.code() + ": " + where + f.message());
    if (!f.advice().isEmpty()) {
      out.add(indent + "        -> " + f.advice());
    }
    return out;
  }
}
