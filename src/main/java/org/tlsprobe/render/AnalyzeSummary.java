package org.tlsprobe.render;

import java.util.EnumMap;
import java.util.Map;
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

  /** Whether a flow is listed without {@code --all}: it failed, or its certificates have an error. */
  static boolean listed(FlowReport f, boolean all) {
    return all || f.failed() || f.diagnosis().hasError();
  }
}
