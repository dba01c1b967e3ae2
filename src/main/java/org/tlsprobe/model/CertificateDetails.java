package org.tlsprobe.model;

import java.time.Instant;
import java.util.List;

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
}
