package org.tlsprobe.testing;

import java.security.cert.X509Certificate;
import java.util.List;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.Role;

/** Builds a {@link ChainContext} for tests: server purpose, role server, at {@link TestPki#NOW}, 30 warn days. */
public final class Chains {
  private final List<X509Certificate> presented;
  private Role role = Role.SERVER;
  private Purpose purpose = Purpose.SERVER;
  private List<String> names = List.of();
  private java.time.Instant at = TestPki.NOW;
  private TrustAnchors trust = TrustAnchors.of(List.of(), List.of());
  private int warnDays = 30;

  private Chains(List<X509Certificate> presented) {
    this.presented = presented;
  }

  public static Chains presenting(X509Certificate... certs) {
    return new Chains(List.of(certs));
  }

  /** Trusts these roots as if the user named them (--trust): a private PKI. */
  public Chains trusting(X509Certificate... roots) {
    this.trust = TrustAnchors.of(List.of(roots), trust.intermediates());
    return this;
  }

  /** Trusts these roots as the public system store (a publicly issued chain). */
  public Chains trustingAsPublic(X509Certificate... roots) {
    this.trust = new TrustAnchors(List.of(roots), trust.intermediates(), true);
    return this;
  }

  public Chains intermediates(X509Certificate... certs) {
    this.trust = new TrustAnchors(trust.roots(), List.of(certs), trust.systemRoots());
    return this;
  }

  public Chains role(Role r) {
    this.role = r;
    return this;
  }

  public Chains purpose(Purpose p) {
    this.purpose = p;
    return this;
  }

  public Chains names(String... n) {
    this.names = List.of(n);
    return this;
  }

  public Chains at(java.time.Instant t) {
    this.at = t;
    return this;
  }

  public Chains warnDays(int d) {
    this.warnDays = d;
    return this;
  }

  public ChainContext context() {
    return new ChainContext(presented, role, purpose, names, at, trust, warnDays);
  }
}
