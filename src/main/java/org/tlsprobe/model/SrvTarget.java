package org.tlsprobe.model;

import java.util.List;

/**
 * One SRV answer with the addresses its target resolved to.
 *
 * @param host the target FQDN without the trailing dot
 * @param addresses the target's A and AAAA addresses as literals, IPv4 first
 * @param problem why the target has no address (NXDOMAIN, timeout), empty otherwise
 */
public record SrvTarget(int priority, int weight, int port, String host, List<String> addresses, String problem) {
  public SrvTarget {
    addresses = List.copyOf(addresses);
    problem = problem == null ? "" : problem;
  }

  /** {@code host:port} as SRV names it. */
  public String hostPort() {
    return host + ":" + port;
  }
}
