package org.tlsprobe.diagnose.cert;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tlsprobe.model.Role;

/**
 * Everything the certificate rules look at: the chain as presented (leaf first, as sent), which rules
 * apply (role and purpose), the names the leaf must cover, the instant validity is judged at, the
 * trust anchors, and how many days ahead an expiry is worth a warning.
 */
public record ChainContext(
    List<X509Certificate> presented,
    Role role,
    Purpose purpose,
    List<String> expectedNames,
    Instant at,
    TrustAnchors trust,
    int warnDays) {

  public ChainContext {
    presented = List.copyOf(presented);
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(purpose, "purpose");
    expectedNames = List.copyOf(expectedNames);
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(trust, "trust");
  }

  /** Default warning horizon for {@code CERT_EXPIRES_SOON}, in days. */
  public static final int DEFAULT_WARN_DAYS = 30;
}
