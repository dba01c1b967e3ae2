package org.tlsprobe.capture;

import java.util.List;

/**
 * What reading one file gave, for SPEC's {@code files[]}: the path as given, frames read, the file's
 * size in bytes, the link types' libpcap names, and warnings (where reading stopped, what was skipped).
 */
public record CaptureSummary(String path, long packets, long bytes, List<String> linktypes, List<String> warnings) {
  public CaptureSummary {
    linktypes = List.copyOf(linktypes);
    warnings = List.copyOf(warnings);
  }
}
