package org.tlsprobe.probe;

import java.util.List;
import java.util.Map;

/**
 * The protocol versions and cipher suites a server accepted, found by offering and removing.
 *
 * @param versions accepted versions as wire codes, newest first
 * @param suitesByVersion for each accepted version (wire code), the accepted suites (IANA code points) in the
 *     server's order of preference
 * @param connections how many TCP connections the enumeration took
 */
public record Enumeration(List<Integer> versions, Map<Integer, List<Integer>> suitesByVersion, int connections) {
  public Enumeration {
    versions = List.copyOf(versions);
    suitesByVersion = Map.copyOf(suitesByVersion);
  }
}
