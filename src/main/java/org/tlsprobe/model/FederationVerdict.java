package org.tlsprobe.model;

import java.util.List;

/**
 * Ready to federate or not, and what to fix on which side.
 *
 * @param theirSide what the partner must fix (DNS, their edge's certificate or chain, their SIP service)
 * @param ourSide what we must fix (our edge certificate), or what needs both sides (trust of our CA)
 */
public record FederationVerdict(boolean ready, String domain, List<String> theirSide, List<String> ourSide) {
  public FederationVerdict {
    theirSide = List.copyOf(theirSide);
    ourSide = List.copyOf(ourSide);
  }

  /** One line for a person: {@code READY to federate with x} or {@code NOT READY ...: fix on their side: ...}. */
  public String line() {
    if (ready) {
      return "READY to federate with " + domain;
    }
    StringBuilder s = new StringBuilder("NOT READY to federate with " + domain);
    if (!theirSide.isEmpty()) {
      s.append("; fix on their side: ").append(String.join("; ", theirSide));
    }
    if (!ourSide.isEmpty()) {
      s.append("; fix on our side: ").append(String.join("; ", ourSide));
    }
    return s.toString();
  }
}
