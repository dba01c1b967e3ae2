package org.tlsprobe.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One certificate as reports show it (the {@code chain[]} objects of SPEC.md's JSON). */
public record CertificateDetails(
    String subject,
    String issuer,
    String serial,
    Instant notBefore,
    Instant notAfter,
    List<String> san,
    List<String> eku,
    String key,
    String signature,
    List<String> cdp,
    List<String> aia,
    String sha256) {

  public CertificateDetails {
    san = List.copyOf(san);
    eku = List.copyOf(eku);
    cdp = List.copyOf(cdp);
    aia = List.copyOf(aia);
  }

  // Written out rather than generated: reports look chains up by content once per flow, and the generated
  // record methods (method handles over twelve fields) were a tenth of analyze's time under the C1 compiler.
  // The fingerprint alone makes the hash; equality still compares every field.

  @Override
  public int hashCode() {
    return Objects.hashCode(sha256);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof CertificateDetails c
        && Objects.equals(sha256, c.sha256) && Objects.equals(subject, c.subject) && Objects.equals(issuer, c.issuer)
        && Objects.equals(serial, c.serial) && Objects.equals(notBefore, c.notBefore) && Objects.equals(notAfter, c.notAfter)
        && san.equals(c.san) && eku.equals(c.eku) && Objects.equals(key, c.key) && Objects.equals(signature, c.signature)
        && cdp.equals(c.cdp) && aia.equals(c.aia);
  }
}
