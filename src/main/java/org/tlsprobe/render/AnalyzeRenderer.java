package org.tlsprobe.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.FlowReport;

/**
 * Renders an {@code analyze} run as flows arrive, with memory bounded. Two steps per flow: {@link #render}
 * turns a judged flow into its text and may run on several threads at once (where the flow was read and
 * judged); {@link #add} takes the rendered flows one at a time in report order and spools them (finished
 * flows keep nothing else). {@link #finish} writes the whole document with its summary.
 */
public interface AnalyzeRenderer extends AutoCloseable {
  /** Renders one flow; thread-safe. */
  RenderedFlow render(FlowReport flow);

  /** Takes one rendered flow, in report order. */
  void add(RenderedFlow flow) throws IOException;

  /** Writes the document (summary, files, flows) to {@code out} as UTF-8, and flushes it. */
  void finish(List<AnalyzedFile> files, OutputStream out) throws IOException;

  /** Removes the spool. */
  @Override
  void close();

  /** SPEC.md's JSON document; {@code all} lists flows that are OK and clean too. */
  static AnalyzeRenderer json(String version, boolean all) {
    return new AnalyzeJsonRenderer(version, all);
  }

  /** The text report: a summary line, then a ladder for each failed flow (every flow with {@code all}). */
  static AnalyzeRenderer text(boolean all) {
    return new AnalyzeTextRenderer(all);
  }
}
