package org.tlsprobe.tls.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The int-array list behind a ClientHello's suites and versions behaves as any List<Integer>. */
class IntListTest {
  @Test
  void equalToTheSameIntegers_andUnmodifiable() {
    List<Integer> suites = IntList.of(0xc02f, 0x1301, 0x0035);
    assertEquals(List.of(0xc02f, 0x1301, 0x0035), suites);
    assertEquals(List.of(0xc02f, 0x1301, 0x0035).hashCode(), suites.hashCode());
    assertTrue(suites.contains(0x1301));
    assertEquals(1, suites.indexOf(0x1301));
    assertEquals("[49199, 4865, 53]", suites.toString());
    assertThrows(UnsupportedOperationException.class, () -> suites.add(1));
    assertThrows(IndexOutOfBoundsException.class, () -> suites.get(3));
  }

  @Test
  void copyOf_keepsAnIntList_copiesOthers_rejectsNull() {
    List<Integer> suites = IntList.of(1, 2);
    assertSame(suites, IntList.copyOf(suites));
    List<Integer> source = new ArrayList<>(List.of(3, 4));
    List<Integer> copy = IntList.copyOf(source);
    source.set(0, 9);
    assertEquals(List.of(3, 4), copy, "a copy, not a view");
    assertThrows(NullPointerException.class, () -> IntList.copyOf(Arrays.asList(1, null)));
    assertTrue(IntList.copyOf(List.of()).isEmpty());
  }
}
