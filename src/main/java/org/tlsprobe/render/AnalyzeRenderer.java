package org.tlsprobe.render;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.tlsprobe.model.AnalyzedFile;
import org.tlsprobe.model.FlowReport;

/**
 * Renders an {@code analyze} run as flows arrive, with memory bounded: flows are written to a spool as they
 * come (finished flows keep nothing else), and {@link #finish} writes the whole document with its summary.
 */
public interface AnalyzeRenderer extends AutoCloseable {
  /** Takes one flow, in report order. */
  void flow(FlowReport flow) throws IOException;

  /** Writes the document (summary, files, flows) to {@code out}. */
  void finish(List<AnalyzedFile> files, Writer out) throws IOException;

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
