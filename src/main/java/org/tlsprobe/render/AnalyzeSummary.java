package org.tlsprobe.render;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.Outcome;

/** Counts of an analyze run: flows, failed flows, flows by outcome (in SPEC order). */
final class AnalyzeSummary {
  private final Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
  private long flows;
  private long failed;
  private long withErrors;

  void add(RenderedFlow f) {
    flows++;
    if (f.failed()) {
      failed++;
    }
    if (f.withErrors()) {
      withErrors++;
    }
    byOutcome.merge(f.outcome(), 1L, Long::sum);
  }

  long flows() {
    return flows;
  }

  long failed() {
    return failed;
  }

  long withErrors() {
    return withErrors;
  }

  Map<Outcome, Long> byOutcome() {
    return byOutcome;
  }

  /**
   * {@code 2 files, 175 TLS flows, 66 failed, 109 OK (OK 109, CERT_EXPIRED 16, ...); 117 with certificate
   * errors}: the first line of a report.
   */
  String line(int files) {
    long ok = byOutcome.getOrDefault(Outcome.OK, 0L);
    String counts = byOutcome.entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
    return String.format("%d file%s, %d TLS flow%s, %d failed, %d OK%s%s", files, files == 1 ? "" : "s", flows, flows == 1 ? "" : "s",
        failed, ok, counts.isEmpty() ? "" : " (" + counts + ")", withErrors > 0 ? "; " + withErrors + " with certificate errors" : "");
  }

  /** The last line of a report that left {@code unlisted} flows out. */
  static String unlistedLine(long unlisted) {
    return String.format("%d OK flow%s without certificate errors not listed (--all lists them).", unlisted, unlisted == 1 ? "" : "s");
  }

  /** Whether a flow is listed without {@code --all}: it failed, or its certificates have an error. */
  static boolean listed(FlowReport f, boolean all) {
    return all || f.failed() || f.diagnosis().hasError();
  }
}
