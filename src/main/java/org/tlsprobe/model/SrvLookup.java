package org.tlsprobe.model;

import java.util.List;

/**
 * The answer to one SRV query, in the order a client tries the targets (priority, then weight).
 *
 * @param name the queried name, e.g. {@code _sipfederationtls._tcp.contoso.com}
 * @param status what the DNS said
 * @param problem the resolver's trouble (timeout, SERVFAIL) when status is FAILED, else empty
 */
public record SrvLookup(String name, Status status, List<SrvTarget> targets, String problem) {
  public SrvLookup {
    targets = List.copyOf(targets);
    problem = problem == null ? "" : problem;
  }

  public enum Status {
    /** At least one SRV record. */
    FOUND,
    /** The name exists but has no SRV record (NOERROR, no data). */
    NO_RECORD,
    /** The name does not exist (NXDOMAIN). */
    NXDOMAIN,
    /** No usable answer: timeout, SERVFAIL, REFUSED. */
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
