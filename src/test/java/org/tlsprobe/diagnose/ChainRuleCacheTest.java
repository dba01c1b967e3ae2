package org.tlsprobe.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.ChainDiagnostics;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.diagnose.cert.TrustAnchors;
import org.tlsprobe.model.Finding;
import org.tlsprobe.model.Role;
import org.tlsprobe.testing.TestPki;

/**
 * The cache gives, at every instant, exactly what the rules give without it: around each notBefore,
 * notAfter and expiry-warning point (to the millisecond), at different hours of one day, and in any order.
 */
class ChainRuleCacheTest {
  private final TestPki pki = new TestPki();
  private final TestPki.Ca root = pki.root("CN=Cache Root");
  private final TestPki.Ca issuing = root.issuingCa("CN=Cache Issuing CA");
  private final Instant leafFrom = TestPki.NOW.minus(Duration.ofDays(10)).plusSeconds(3 * 3600 + 17);
  private final Instant leafUntil = TestPki.NOW.plus(Duration.ofDays(20)).plusSeconds(5 * 3600 + 41);
  private final X509Certificate leaf = issuing.leaf("pool.example.com").validity(leafFrom, leafUntil).build();
  private final TrustAnchors trust = TrustAnchors.of(List.of(root.certificate()), List.of());
  private final List<X509Certificate> chain = List.of(leaf, issuing.certificate());

  private ChainContext at(Instant t) {
    return new ChainContext(chain, Role.SERVER, Purpose.SERVER, List.of("pool.example.com"), t, trust, 30);
  }

  @Test
  void everyInstantAroundEveryBoundary_sameFindingsAsTheRulesAlone() {
    List<Instant> instants = new ArrayList<>();
    for (Instant b : List.of(leafFrom, leafUntil, leafUntil.minus(Duration.ofDays(30)))) {
      for (long ms : new long[] {-86_400_000L, -3_600_000L, -1, 0, 1, 3_600_000L, 86_400_000L}) {
        instants.add(b.plusMillis(ms));
      }
    }
    for (int h = 0; h < 24; h += 5) {
      instants.add(TestPki.NOW.plusSeconds(h * 3600L));
    }
    Collections.shuffle(instants, new Random(7));

    DiagnosisContext ctx = new DiagnosisContext(Role.SERVER, List.of(), trust, Optional.empty(), 30);
    ChainRuleCache cache = new ChainRuleCache(ctx, ChainDiagnostics.standard());
    List<String> sha = List.of("leaf", "issuing");
    int differentLists = 0;
    List<Finding> previous = null;
    for (Instant t : instants) {
      List<Finding> expected = ChainDiagnostics.standard().run(at(t));
      assertEquals(expected, cache.findings(at(t), sha), "at " + t);
      differentLists += expected.equals(previous) ? 0 : 1;
      previous = expected;
    }
    assertTrue(differentLists > 5, "the instants cover different validity situations: " + differentLists);
  }

  /** Equal findings from other entries (here the same chain for a name that matches alike) are the same instances. */
  @Test
  void equalListsFromOtherChainsOrNames_oneInstance() {
    DiagnosisContext ctx = new DiagnosisContext(Role.SERVER, List.of(), trust, Optional.empty(), 30);
    ChainRuleCache cache = new ChainRuleCache(ctx, ChainDiagnostics.standard());
    Instant t = leafUntil.minus(Duration.ofDays(3)); // expires soon: a finding that names the day
    List<Finding> lower = cache.findings(at(t), List.of("leaf", "issuing"));
    List<Finding> upper = cache.findings(new ChainContext(chain, Role.SERVER, Purpose.SERVER, List.of("POOL.example.com"), t,
        trust, 30), List.of("leaf", "issuing"));
    assertFalse(lower.isEmpty());
    assertSame(lower, upper);
  }
}
