package org.tlsprobe.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tlsprobe.model.Finding;

/**
 * The findings blocks an analyze report has printed in full so far (in report order), each with what a later
 * flow prints instead: the same chain, judged the same, in flow after flow is shown once and referred back to.
 * Bounded: past {@link #CAPACITY} blocks it forgets, and a block is printed in full once more.
 */
final class PrintedBlocks {
  private static final int CAPACITY = 4096;

  private record Key(String heading, List<Finding> findings) {
    // written out: a record's generated equals and hashCode go through method handles, slow in C1 code
    @Override
    public int hashCode() {
      return 31 * heading.hashCode() + findings.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return this == o || o instanceof Key k && heading.equals(k.heading) && findings.equals(k.findings);
    }
  }

  private final Map<Key, byte[]> references = new HashMap<>();

  /** What to print instead of this block, shown before; null the first time (then {@link #remember} it). */
  byte[] earlier(String heading, List<Finding> findings) {
    return references.get(new Key(heading, findings));
  }

  /** From now on, {@code reference} stands for this block. */
  void remember(String heading, List<Finding> findings, byte[] reference) {
    if (references.size() >= CAPACITY) {
      references.clear();
    }
    references.put(new Key(heading, findings), reference);
  }
}
