package org.tlsprobe.render;

import java.nio.charset.StandardCharsets;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.Outcome;

/**
 * One flow as a report needs it after rendering: what the summary counts, and the flow's finished text as
 * UTF-8 ({@code null} when the report does not list it), encoded on the thread that rendered it. Small,
 * so flows held back for ordering cost little.
 */
public record RenderedFlow(Outcome outcome, boolean failed, boolean withErrors, byte[] utf8) {
  static RenderedFlow of(FlowReport flow, byte[] utf8) {
    return new RenderedFlow(flow.diagnosis().outcome(), flow.failed(), flow.diagnosis().hasError(), utf8);
  }

  static RenderedFlow of(FlowReport flow, String text) {
    return of(flow, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether this flow makes the run's exit code 1: it failed, or a certificate has an error. */
  public boolean bad() {
    return failed || withErrors;
  }
}
