package org.tlsprobe.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.FlowReport;

/**
 * Renders an {@code analyze} run as flows arrive, with memory bounded. Two steps per flow: {@link #render}
 * turns a judged flow into its text and may run on several threads at once (where the flow was read and
 * judged); {@link #add} takes the rendered flows one at a time in report order and writes (or spools)
 * them; finished flows keep nothing else. {@link #finish} completes the document.
 */
public interface AnalyzeRenderer extends AutoCloseable {
  /** Renders one flow; thread-safe. */
  RenderedFlow render(FlowReport flow);

  /** Takes one rendered flow, in report order. */
  void add(RenderedFlow flow) throws IOException;

  /** Completes the document (what could not be written before the last flow: summary, files) and flushes it. */
  void finish(List<AnalyzedFile> files) throws IOException;

  /** Removes a spool, if the renderer used one. */
  @Override
  void close();

  /**
   * SPEC.md's JSON document, written to {@code out} as UTF-8; {@code all} lists flows that are OK and clean
   * too. Flows are written as they come, so {@code files} and {@code summary} follow {@code flows}.
   */
  static AnalyzeRenderer json(String version, boolean all, OutputStream out) {
    return new AnalyzeJsonRenderer(version, all, out);
  }

  /**
   * The text report, written to {@code out} as UTF-8: a summary line, then a ladder for each failed flow
   * (every flow with {@code all}); flows wait in a spool until the summary is known.
   */
  static AnalyzeRenderer text(boolean all, OutputStream out) {
    return new AnalyzeTextRenderer(all, out);
  }

  /**
   * The HTML report, one self-contained page written to {@code out} as UTF-8: the text report's content, the
   * summary first; flows wait in a spool until it is known.
   */
  static AnalyzeRenderer html(boolean all, OutputStream out) {
    return new AnalyzeHtmlRenderer(all, out);
  }
}
