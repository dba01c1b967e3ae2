package org.tlsprobe.render;

import java.io.PrintWriter;

/**
 * An HTML page written a section at a time, each flushed as its part finishes (one probed address, one
 * federation domain), so an interrupted run keeps what it finished; the page's start goes out with the first.
 */
abstract class HtmlSections<T> implements ReportStream<T> {
  private final PrintWriter out;
  private final String title;
  private boolean started;

  HtmlSections(PrintWriter out, String title) {
    this.out = out;
    this.title = title;
  }

  /** One part's section. */
  abstract String section(T part);

  @Override
  public final void write(T part) {
    start();
    out.print(section(part));
    out.flush();
  }

  @Override
  public final void finish() {
    start();
    out.print(Html.pageEnd());
    out.flush();
  }

  private void start() {
    if (!started) {
      started = true;
      out.print(Html.pageStart(title));
    }
  }
}
