package org.tlsprobe.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The spool gives back exactly the bytes written, in order, in memory and past its memory into a file. */
class SpoolTest {

  @Test
  void small_keptInMemory_copiedBackExactly() throws Exception {
    assertArrayEquals(utf8("Zürich → 東京 😀\n"), copied(utf8("Zürich → 東京 😀\n")));
  }

  @Test
  void manyMegabytes_throughTheFile_copiedBackInOrder() throws Exception {
    byte[][] pieces = new byte[300_000][];
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < pieces.length; i++) {
      pieces[i] = utf8("flow " + i + " CN=Müller,O=東京\n");
      expected.writeBytes(pieces[i]);
    }
    assertArrayEquals(expected.toByteArray(), copied(pieces));
  }

  @Test
  void onePieceBiggerThanMemory_staysBetweenItsNeighbours() throws Exception {
    byte[] big = utf8("é".repeat(3_000_000)); // 6 MB in one write
    assertArrayEquals(utf8("x" + "é".repeat(3_000_000) + "y"), copied(utf8("x"), big, utf8("y")));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] copied(byte[]... pieces) throws Exception {
    try (Spool s = new Spool()) {
      for (byte[] p : pieces) {
        s.write(p);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.copyTo(out);
      return out.toByteArray();
    }
  }
}
