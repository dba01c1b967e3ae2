package org.tlsprobe.diagnose;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tlsprobe.diagnose.cert.CertificateInChain;
import org.tlsprobe.diagnose.cert.ChainAnalysis;
import org.tlsprobe.diagnose.cert.ChainContext;
import org.tlsprobe.diagnose.cert.ChainDiagnostics;
import org.tlsprobe.diagnose.cert.Check;
import org.tlsprobe.diagnose.cert.Purpose;
import org.tlsprobe.model.BoundedCache;
import org.tlsprobe.model.Finding;

/**
 * The shared rules' findings on chains seen before. A capture sends the same chains again and again:
 * the rules that do not depend on the instant run once per chain (with its names and purpose), and the
 * validity rules once per chain and "validity situation": their answers change only when the instant
 * crosses a certificate's notBefore, notAfter or expiry-warning point, and their messages name only the
 * instant's day. One cache serves one set of trust anchors and one warning period (the judge makes a new one per context).
 */
final class ChainRuleCache {
  private static final int CAPACITY = 1024;
  /** Validity situations kept per chain: a capture spans a few days at most. */
  private static final int SITUATIONS = 64;

  private record Key(List<String> sha256, Purpose purpose, List<String> names) {
    // written out: a record's generated equals and hashCode go through method handles, slow in C1 code
    @Override
    public int hashCode() {
      return 31 * (31 * sha256.hashCode() + purpose.hashCode()) + names.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof Key k && purpose == k.purpose && sha256.equals(k.sha256) && names.equals(k.names);
    }
  }

  /** Where the validity rules' answers can change (sorted), the other rules' findings, and the merged lists. */
  private record Entry(Instant[] boundaries, List<Finding> other, BoundedCache<Situation, List<Finding>> merged) {}

  /** Which day, and on which side of each boundary, the instant lies (two counts tell "at" from "just after"). */
  private record Situation(long day, int before, int notAfter) {
    @Override
    public int hashCode() {
      return 31 * (31 * Long.hashCode(day) + before) + notAfter;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Situation s && day == s.day && before == s.before && notAfter == s.notAfter;
    }
  }

  final DiagnosisContext ctx;
  private final ChainDiagnostics timeRules;
  private final ChainDiagnostics otherRules;
  private final BoundedCache<Key, Entry> entries = new BoundedCache<>(CAPACITY);
  /**
   * One instance per distinct finding and per distinct list, whatever chain, names and situation made them
   * (the same certificates judged for other names, a capture that crosses midnight): reports compare
   * findings lists flow after flow, at once when they are the same instance, string by string otherwise.
   */
  private final BoundedCache<Finding, Finding> findingInstances = new BoundedCache<>(4 * CAPACITY);
  private final BoundedCache<List<Finding>, List<Finding>> listInstances = new BoundedCache<>(CAPACITY);

  /** The only rules whose findings depend on the instant. */
  private static final Set<String> TIME_RULES = Set.of("CERT_EXPIRED", "CERT_NOT_YET_VALID", "CERT_EXPIRES_SOON");

  ChainRuleCache(DiagnosisContext ctx, ChainDiagnostics rules) {
    this.ctx = ctx;
    List<Check> time = new ArrayList<>();
    List<Check> other = new ArrayList<>();
    for (Check c : rules.checks()) {
      (TIME_RULES.contains(c.info().code()) ? time : other).add(c);
    }
    this.timeRules = new ChainDiagnostics(time);
    this.otherRules = new ChainDiagnostics(other);
  }

  /** The findings of every rule, in {@link Diagnostician#ORDER}, on {@code chain}, whose certificates have these SHA-256 fingerprints. */
  List<Finding> findings(ChainContext chain, List<String> sha256) {
    // find, then put: a compute lambda here would capture the chain (see BoundedCache.find)
    Key key = new Key(sha256, chain.purpose(), chain.expectedNames());
    Entry e = entries.find(key);
    if (e == null) {
      e = entries.put(key, new Entry(boundaries(chain), otherRules.run(chain), new BoundedCache<>(SITUATIONS)));
    }
    Instant at = chain.at();
    // the UTC day, as LocalDate.ofInstant(at, UTC).toEpochDay() counts it, without its per-call objects
    long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
    Situation s = new Situation(day, count(e.boundaries(), at, false), count(e.boundaries(), at, true));
    List<Finding> found = e.merged().find(s);
    return found != null ? found : e.merged().put(s, merged(e.other(), chain));
  }

  /** The instant-independent findings with the validity rules' at this chain's instant, sorted. */
  private List<Finding> merged(List<Finding> other, ChainContext chain) {
    Set<Finding> all = new LinkedHashSet<>(other);
    all.addAll(timeRules.run(chain));
    List<Finding> sorted = new ArrayList<>(all.size());
    for (Finding f : all) {
      sorted.add(findingInstances.get(f, same -> same));
    }
    sorted.sort(Diagnostician.ORDER); // the judge's order, so that it can hand this very list to reports
    return listInstances.get(List.copyOf(sorted), same -> same);
  }

  /** Every instant at which a validity rule's answer on this chain's certificates can change. */
  private Instant[] boundaries(ChainContext chain) {
    List<Instant> out = new ArrayList<>();
    try {
      for (CertificateInChain c : ChainAnalysis.of(chain).certificates()) {
        Instant notAfter = c.certificate().getNotAfter().toInstant();
        out.add(c.certificate().getNotBefore().toInstant());
        out.add(notAfter);
        out.add(notAfter.minus(Duration.ofDays(Math.max(0, chain.warnDays()))));
      }
    } catch (RuntimeException e) {
      // a chain that cannot be analyzed has no validity findings; the rules report the failure themselves
    }
    Instant[] sorted = out.toArray(Instant[]::new);
    Arrays.sort(sorted);
    return sorted;
  }

  /** How many boundaries lie before {@code at} (or, with {@code orAt}, before or at it). */
  private static int count(Instant[] boundaries, Instant at, boolean orAt) {
    int n = 0;
    for (Instant b : boundaries) {
      int c = b.compareTo(at);
      if (c < 0 || orAt && c == 0) {
        n++;
      }
    }
    return n;
  }
}
