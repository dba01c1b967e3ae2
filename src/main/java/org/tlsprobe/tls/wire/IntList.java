package org.tlsprobe.tls.wire;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list of ints kept as an int array: a ClientHello's cipher suites and versions, held by
 * every open connection of a capture, would otherwise be one boxed Integer each (most codes are above the
 * boxing cache). Equal to any list of the same Integers.
 */
final class IntList extends AbstractList<Integer> implements RandomAccess {
  private static final IntList EMPTY = new IntList(new int[0]);

  private final int[] values;

  private IntList(int[] values) {
    this.values = values;
  }

  /** A list over {@code values}, which the caller hands over and does not change afterwards. */
  static IntList of(int... values) {
    return values.length == 0 ? EMPTY : new IntList(values);
  }

  /** {@code list} itself when it is an IntList, else its elements copied (null elements rejected, as List.copyOf does). */
  static List<Integer> copyOf(List<Integer> list) {
    if (list instanceof IntList) {
      return list;
    }
    int[] values = new int[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = list.get(i); // unboxing throws on null
    }
    return of(values);
  }

  @Override
  public Integer get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
