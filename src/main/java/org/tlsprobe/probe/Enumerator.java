package org.tlsprobe.probe;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.ProtocolVersion;
import org.tlsprobe.tls.wire.ServerHello;

/**
 * Finds the versions and suites one server accepts with few connections: per version, offer the suites
 * known, note the one the server picks, remove it, and repeat until the server refuses; the result is in the
 * server's order of preference (or ours, for a server that follows the client's order). Versions run in
 * parallel; each connection ends at the ServerHello, so a server that requires a client certificate is
 * enumerated too, and a suite the probe could not perform still counts as accepted. TLS 1.0 to 1.3 go
 * through Bouncy Castle's client; SSL 3.0, which it cannot offer, through a hand-built hello
 * ({@link Prober#ssl3Hello}), by the same algorithm.
 */
final class Enumerator {
  private static final ProtocolVersion[] VERSIONS = {
    ProtocolVersion.TLSv13, ProtocolVersion.TLSv12, ProtocolVersion.TLSv11, ProtocolVersion.TLSv10, ProtocolVersion.SSLv3
  };

  /** Suites of one version are searched in this many parallel groups. */
  private static final int GROUPS = 4;

  private final Prober prober;
  private final InetSocketAddress address;
  private final String sni;
  private final AtomicInteger connections = new AtomicInteger();

  Enumerator(Prober prober, InetSocketAddress address, String sni) {
    this.prober = prober;
    this.address = address;
    this.sni = sni;
  }

  CompletableFuture<Enumeration> run() {
    List<CompletableFuture<List<Integer>>> perVersion = new ArrayList<>();
    for (ProtocolVersion v : VERSIONS) {
      perVersion.add(version(v));
    }
    return CompletableFuture.allOf(perVersion.toArray(new CompletableFuture<?>[0])).thenApply(x -> {
      List<Integer> versions = new ArrayList<>();
      Map<Integer, List<Integer>> suites = new LinkedHashMap<>();
      for (int i = 0; i < VERSIONS.length; i++) {
        List<Integer> accepted = perVersion.get(i).join();
        if (!accepted.isEmpty()) {
          versions.add(VERSIONS[i].getFullVersion());
          suites.put(VERSIONS[i].getFullVersion(), accepted);
        }
      }
      return new Enumeration(versions, suites, connections.get());
    });
  }

  /**
   * One version: the known suites are split into a few groups searched in parallel (offer the group, note
   * the pick, remove it, repeat), which finds what is accepted. Then the order: two connections tell whether
   * the server follows the client's order (it picks our first suite whichever way round we offer them);
   * if it keeps an order of its own, the accepted suites are offered again and removed one by one, which
   * reads that order off.
   */
  private CompletableFuture<List<Integer>> version(ProtocolVersion v) {
    List<Integer> all = SuiteCatalog.asList(SuiteCatalog.allFor(v));
    int groups = all.size() > 16 ? GROUPS : 1;
    List<CompletableFuture<List<Integer>>> parts = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      List<Integer> part = new ArrayList<>();
      for (int i = g; i < all.size(); i += groups) {
        part.add(all.get(i));
      }
      parts.add(chain(v, part, new ArrayList<>()));
    }
    return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenCompose(x -> {
      List<Integer> accepted = new ArrayList<>();
      parts.forEach(p -> accepted.addAll(p.join()));
      accepted.sort((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
      if (accepted.size() < 2) {
        return CompletableFuture.completedFuture(accepted);
      }
      List<Integer> reversed = new ArrayList<>(accepted);
      java.util.Collections.reverse(reversed);
      CompletableFuture<Integer> forward = pick(v, accepted);
      CompletableFuture<Integer> backward = pick(v, reversed);
      return forward.thenCombine(backward, (f, b) -> f != null && f.equals(accepted.get(0)) && b != null && b.equals(reversed.get(0)))
          .thenCompose(clientOrder -> clientOrder ? CompletableFuture.completedFuture(accepted)
              : chain(v, new ArrayList<>(accepted), new ArrayList<>()));
    });
  }

  /**
   * The suite the server picks from {@code offered}; null when it refuses, fails, or answers with another
   * version (a TLS 1.0 ServerHello to an SSL 3.0 hello means SSL 3.0 is not accepted) or a suite not offered.
   */
  private CompletableFuture<Integer> pick(ProtocolVersion v, List<Integer> offered) {
    connections.incrementAndGet();
    int[] offer = offered.stream().mapToInt(Integer::intValue).toArray();
    return CompletableFuture.completedFuture(offer).thenCompose(o -> hello(v, o))
        .handle((hello, err) -> err != null ? null : hello)
        .thenApply(hello -> hello == null || hello.version().code() != v.getFullVersion() || !offered.contains(hello.cipherSuite())
            ? null : hello.cipherSuite());
  }

  /** One connection offering {@code suites} in version {@code v} alone, up to the server's ServerHello (null if none). */
  private CompletableFuture<ServerHello> hello(ProtocolVersion v, int[] suites) {
    if (ProtocolVersion.SSLv3.equals(v)) { // Bouncy Castle's client cannot offer SSL 3.0: our own hello does
      return prober.ssl3Hello(address, suites).thenApply(answer -> answer.serverHello().orElse(null));
    }
    return prober.connect(address, sni, new Offer(v.only(), suites, true)).thenApply(ConnectionOutcome::serverHello);
  }

  private CompletableFuture<List<Integer>> chain(ProtocolVersion v, List<Integer> remaining, List<Integer> accepted) {
    if (remaining.isEmpty()) {
      return CompletableFuture.completedFuture(accepted);
    }
    return pick(v, remaining).thenCompose(suite -> {
      if (suite == null) {
        return CompletableFuture.completedFuture(accepted);
      }
      accepted.add(suite);
      remaining.remove(suite);
      return chain(v, remaining, accepted);
    });
  }

  @Override
  public String toString() {
    return "Enumerator" + Arrays.toString(VERSIONS) + " " + address;
  }
}
