package org.tlsprobe.tls.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeAssemblerTest {
  private final List<String> seen = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();
  /** Where each body was handed over: the array and offset as given. */
  private final List<Object> places = new ArrayList<>();

  private HandshakeAssembler assembler(int max) {
    return new HandshakeAssembler(new HandshakeAssembler.Listener() {
      @Override
      public void message(int type, byte[] data, int offset, int length) {
        seen.add(type + ":" + length);
        bodies.add(data == null ? null : Arrays.copyOfRange(data, offset, offset + length));
        places.add(data == null ? null : List.of(data, offset));
      }

      @Override
      public void violation(String message) {
        seen.add("violation " + message);
      }
    }, t -> t == 11, max);
  }

  /** A handshake message of {@code type} with a body of {@code n} bytes counting up. */
  private static byte[] message(int type, int n) {
    byte[] m = new byte[4 + n];
    m[0] = (byte) type;
    m[1] = (byte) (n >> 16);
    m[2] = (byte) (n >> 8);
    m[3] = (byte) n;
    for (int i = 0; i < n; i++) {
      m[4 + i] = (byte) i;
    }
    return m;
  }

  @Test
  void messageOverManyFragments_oneMessageWithItsBody() {
    HandshakeAssembler a = assembler(HandshakeAssembler.DEFAULT_MAX_MESSAGE_LENGTH);
    byte[] m = message(11, 339_629);
    for (int p = 0; p < m.length; p += 16384) {
      a.fragment(m, p, Math.min(16384, m.length - p));
      boolean last = p + 16384 >= m.length;
      assertEquals(last ? 1 : 0, seen.size());
      assertEquals(!last, a.pending());
    }
    assertEquals(List.of("11:339629"), seen);
    assertEquals(339_629, bodies.get(0).length);
    assertEquals((byte) 339_628, bodies.get(0)[339_628]);
  }

  @Test
  void severalMessagesInOneFragment_eachReported_unkeptBodiesNull() {
    HandshakeAssembler a = assembler(HandshakeAssembler.DEFAULT_MAX_MESSAGE_LENGTH);
    byte[] two = new byte[8 + 4 + 3];
    System.arraycopy(message(14, 0), 0, two, 0, 4);
    System.arraycopy(message(12, 4), 0, two, 4, 8);
    System.arraycopy(message(11, 3), 0, two, 12, 3); // header only: waits
    a.fragment(two, 0, two.length);
    assertEquals(List.of("14:0", "12:4"), seen);
    assertNull(bodies.get(1));
    assertTrue(a.pending());
  }

  @Test
  void wholeMessagesInAFragment_handedOverWhereTheyLie_splitOnesGathered() {
    HandshakeAssembler a = assembler(HandshakeAssembler.DEFAULT_MAX_MESSAGE_LENGTH);
    byte[] m1 = message(11, 300);
    byte[] m2 = message(11, 40);
    byte[] record = new byte[m1.length + 10];
    System.arraycopy(m1, 0, record, 0, m1.length);
    System.arraycopy(m2, 0, record, m1.length, 10); // the second message goes on in the next record
    a.fragment(record, 0, record.length);
    assertEquals(List.of("11:300"), seen);
    assertEquals(List.of(record, 4), places.get(0), "in the record, after its header");
    a.fragment(m2, 10, m2.length - 10);
    assertEquals(List.of("11:300", "11:40"), seen);
    assertNotSame(m2, ((List<?>) places.get(1)).get(0), "gathered into an array of its own");
    assertArrayEquals(Arrays.copyOfRange(m2, 4, m2.length), bodies.get(1));
  }

  @Test
  void messageOverTheCap_violationAndStop() {
    HandshakeAssembler a = assembler(1000);
    byte[] m = message(11, 1001);
    a.fragment(m, 0, m.length);
    a.fragment(message(14, 0), 0, 4);
    assertEquals(1, seen.size());
    assertTrue(seen.get(0).startsWith("violation handshake message type 11 claims 1001 bytes"), seen.get(0));
    assertTrue(a.stopped());
  }
}
