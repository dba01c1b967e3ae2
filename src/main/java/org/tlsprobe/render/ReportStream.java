package org.tlsprobe.render;

/**
 * A report written part by part as the parts come (one probed address, one federation domain), so that an
 * interrupted run keeps what it finished, then completed.
 */
public interface ReportStream<T> {
  void write(T part);

  /** Completes the document (an HTML page's end); nothing for formats whose parts stand alone. */
  default void finish() {}
}
