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

/**
 * Finds the versions and suites one server accepts with few connections: per version, offer every suite
 * known, note the one the server picks, remove it, and repeat until the server refuses. The picks come in
 * the server's order of preference. Versions run in parallel; each connection ends at the ServerHello, so a
 * server that requires a client certificate is enumerated too, and a suite the probe could not perform still
 * counts as accepted.
 */
final class Enumerator {
  private static final ProtocolVersion[] VERSIONS = {
    ProtocolVersion.TLSv13, ProtocolVersion.TLSv12, ProtocolVersion.TLSv11, ProtocolVersion.TLSv10
  };

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
      perVersion.add(next(v, new ArrayList<>(SuiteCatalog.asList(SuiteCatalog.allFor(v))), new ArrayList<>()));
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

  private CompletableFuture<List<Integer>> next(ProtocolVersion v, List<Integer> remaining, List<Integer> accepted) {
    if (remaining.isEmpty()) {
      return CompletableFuture.completedFuture(accepted);
    }
    connections.incrementAndGet();
    int[] offer = remaining.stream().mapToInt(Integer::intValue).toArray();
    return prober.connect(address, sni, new Offer(v.only(), offer, true))
        .handle((outcome, err) -> err != null ? null : outcome.serverHello())
        .thenCompose(hello -> {
          if (hello == null || hello.version() != v.getFullVersion() || !remaining.contains(hello.cipherSuite())) {
            return CompletableFuture.completedFuture(accepted);
          }
          accepted.add(hello.cipherSuite());
          remaining.remove(Integer.valueOf(hello.cipherSuite()));
          return next(v, remaining, accepted);
        });
  }

  @Override
  public String toString() {
    return "Enumerator" + Arrays.toString(VERSIONS) + " " + address;
  }
}
