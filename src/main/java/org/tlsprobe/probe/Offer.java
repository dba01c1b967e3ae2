package org.tlsprobe.probe;

import java.util.Arrays;
import org.bouncycastle.tls.ProtocolVersion;

/**
 * What one ClientHello offers: protocol versions (newest first) and cipher suites (in preference order),
 * sent exactly as given, code points the probe cannot perform included.
 *
 * @param stopAfterServerHello end the connection as soon as the server's choice is known (enumeration)
 */
record Offer(ProtocolVersion[] versions, int[] suites, boolean stopAfterServerHello) {
  Offer {
    versions = versions.clone();
    suites = suites.clone();
  }

  @Override
  public ProtocolVersion[] versions() {
    return versions.clone();
  }

  @Override
  public int[] suites() {
    return suites.clone();
  }

  @Override
  public String toString() {
    return "Offer" + Arrays.toString(versions) + " " + suites.length + " suites";
  }
}
