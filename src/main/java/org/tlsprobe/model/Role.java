package org.tlsprobe.model;

import java.util.Arrays;
import java.util.Optional;

/** Which rules apply to a certificate (SPEC.md {@code --role}). */
public enum Role {
  /** A TLS server only (HTTPS, a SIP registrar clients sign in to). */
  SERVER("server"),
  /** A server that also dials out with the same certificate: front-end pools, an edge's internal side. */
  MTLS("mtls"),
  /** An edge's external interface (Access Edge). */
  EDGE_EXTERNAL("edge-external"),
  /** A federation edge: MTLS to partners, public CA expected. */
  FEDERATION("federation"),
  /** Public IM connectivity: MTLS to a public provider, public CA required. */
  PIC("pic");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the certificate must also authenticate as a TLS client (server-to-server MTLS). */
  public boolean needsClientAuth() {
    return this != SERVER;
  }

  /** Whether the chain must end at a publicly trusted root. */
  public boolean needsPublicCa() {
    return this == PIC || this == FEDERATION || this == EDGE_EXTERNAL;
  }

  public static Optional<Role> of(String label) {
    return Arrays.stream(values()).filter(r -> r.label.equalsIgnoreCase(label)).findFirst();
  }
}
