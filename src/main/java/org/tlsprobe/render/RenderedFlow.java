package org.tlsprobe.render;

import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.Outcome;

/**
 * One flow as a report needs it after rendering: what the summary counts, and the flow's finished text
 * ({@code null} when the report does not list it). Small, so flows held back for ordering cost little.
 */
public record RenderedFlow(Outcome outcome, boolean failed, boolean withErrors, String text) {
  static RenderedFlow of(FlowReport flow, String text) {
    return new RenderedFlow(flow.diagnosis().outcome(), flow.failed(), flow.diagnosis().hasError(), text);
  }

  /** Whether this flow makes the run's exit code 1: it failed, or a certificate has an error. */
  public boolean bad() {
    return failed || withErrors;
  }
}
