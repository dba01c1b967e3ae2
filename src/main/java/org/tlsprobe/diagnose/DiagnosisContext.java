package org.tlsprobe.diagnose;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.Role;

/**
 * What the judge needs besides the observation: which rules apply, the names the server's certificate must
 * cover (empty: the SNI, else the target host), the trust anchors, the instant to judge validity at (empty:
 * the packet time for a capture, the clock for a probe) and the expiry warning horizon in days.
 */
public record DiagnosisContext(Role role, List<String> names, TrustAnchors trust, Optional<Instant> at, int warnDays) {
  public DiagnosisContext {
    names = List.copyOf(names);
  }

  /** Server rules, no expected names, the JDK's roots, packet time, the default warning horizon. */
  public static DiagnosisContext defaults() {
    return new DiagnosisContext(Role.SERVER, List.of(), TrustAnchors.system(), Optional.empty(), ChainContext.DEFAULT_WARN_DAYS);
  }
}
