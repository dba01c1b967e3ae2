package org.tlsprobe.model;

import java.util.List;

/**
 * One capture file as {@code analyze} reports it (SPEC's {@code files[]}): the path as given, frames read,
 * the file's size, its link types' names, and warnings such as where reading stopped.
 */
public record AnalyzedFile(String path, long packets, long bytes, List<String> linktypes, List<String> warnings) {
  public AnalyzedFile {
    linktypes = List.copyOf(linktypes);
    warnings = List.copyOf(warnings);
  }
}
