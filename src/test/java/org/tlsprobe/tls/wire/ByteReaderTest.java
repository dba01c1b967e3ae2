package org.tlsprobe.tls.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteReaderTest {
  @Test
  void sliceBoundsReads_offsetsCountFromTheOuterStart() {
    byte[] b = {0, 3, 1, 2, 3, 9};
    ByteReader r = ByteReader.of(b, "Outer");
    ByteReader inner = r.slice16("inner");
    assertEquals(0x0102, inner.u16("a"));
    TlsParseException e = assertThrows(TlsParseException.class, () -> inner.u16("b"));
    assertEquals("inner", e.structure());
    assertEquals("b", e.field());
    assertEquals(4, e.offset());
    assertEquals(9, r.u8("tail"));
    assertFalse(r.hasRemaining());
  }

  @Test
  void lengthBeyondWindow_parseErrorNotIndexOutOfBounds() {
    ByteReader r = ByteReader.of(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 1}, "Certificate");
    TlsParseException e = assertThrows(TlsParseException.class, () -> r.slice24("certificate_list"));
    assertEquals("Certificate.certificate_list at offset 3: length 16777215 exceeds the 1 bytes left", e.getMessage());
  }

  @Test
  void skip8And16_moveAsSliceWould_andFailWithTheSameMessage() {
    byte[] b = {2, 7, 7, 0, 1, 5, 9};
    ByteReader r = ByteReader.of(b, "Hello");
    r.skip8("session_id");
    r.skip16("extension_data");
    assertEquals(9, r.u8("tail"));
    // a length past the end (one-byte prefix), a cut two-byte prefix, a length past the end (two-byte prefix)
    byte[][] cuts = {{5, 1}, {0}, {0, 9, 1}};
    for (int i = 0; i < cuts.length; i++) {
      boolean oneByte = i == 0;
      ByteReader skipping = ByteReader.of(cuts[i], "Hello");
      ByteReader slicing = ByteReader.of(cuts[i], "Hello");
      TlsParseException skipped = assertThrows(TlsParseException.class,
          () -> { if (oneByte) { skipping.skip8("x"); } else { skipping.skip16("x"); } });
      TlsParseException sliced = assertThrows(TlsParseException.class,
          () -> { if (oneByte) { slicing.slice8("x"); } else { slicing.slice16("x"); } });
      assertEquals(sliced.getMessage(), skipped.getMessage());
    }
  }

  @Test
  void everyReadPastTheEnd_throwsParseException() {
    ByteReader r = ByteReader.of(new byte[0], "Empty");
    assertThrows(TlsParseException.class, () -> r.u8("x"));
    assertThrows(TlsParseException.class, () -> r.u16("x"));
    assertThrows(TlsParseException.class, () -> r.u24("x"));
    assertThrows(TlsParseException.class, () -> r.u32("x"));
    assertThrows(TlsParseException.class, () -> r.bytes(1, "x"));
    assertThrows(TlsParseException.class, () -> r.bytes(-1, "x"));
    assertThrows(TlsParseException.class, () -> r.skip(1, "x"));
    assertThrows(TlsParseException.class, () -> r.slice(1, "x"));
    assertThrows(TlsParseException.class, () -> r.slice8("x"));
    ByteReader.of(new byte[0], "Empty").expectEnd();
    assertThrows(TlsParseException.class, () -> ByteReader.of(new byte[1], "One").expectEnd());
  }

  @Test
  void fork_readsIndependently() {
    ByteReader r = ByteReader.of(new byte[] {1, 2}, "X");
    r.u8("a");
    ByteReader f = r.fork();
    assertEquals(2, f.u8("b"));
    assertEquals(2, r.u8("b"));
  }
}
