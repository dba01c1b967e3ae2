package org.tlsprobe.tls.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.testing.EngineHandshake;
import org.tlsprobe.tls.testing.EngineHandshake.ClientAuth;
import org.tlsprobe.tls.testing.TestPki;

/** Records that arrive in pieces, on a real server's TLS 1.2 flight fed a few bytes at a time. */
class RecordStreamTest {
  private static byte[] server;

  @BeforeAll
  static void record() throws Exception {
    TestPki pki = TestPki.ec("Record Root");
    server = EngineHandshake.run(new EngineHandshake.Setup("TLSv1.2", ClientAuth.NONE, pki.leaf("server.example.net"),
        null, pki, pki, "server.example.net", List.of(), false)).stream(Side.SERVER);
  }

  /** Each record's content type, payload (copied during the call) and the array it was gathered in (null: read in place). */
  private record Seen(int type, byte[] payload, byte[] gatheredIn) {}

  /** Feeds {@code stream} {@code piece} bytes at a time from one reused buffer, as a capture's reader hands them over. */
  private static List<Seen> feed(byte[] stream, int piece) {
    List<Seen> seen = new ArrayList<>();
    byte[] buffer = new byte[piece];
    RecordStream records = new RecordStream(new RecordStream.Listener() {
      @Override
      public void record(TlsRecord r, long packet, Instant time) {
        seen.add(new Seen(r.contentType(), r.payload(), r.fragment() == buffer ? null : r.fragment()));
      }

      @Override
      public void violation(String message, long packet, Instant time) {
        throw new AssertionError(message);
      }
    });
    for (int p = 0; p < stream.length; p += piece) {
      int n = Math.min(piece, stream.length - p);
      System.arraycopy(stream, p, buffer, 0, n);
      records.bytes(buffer, 0, n, 1, Instant.EPOCH);
    }
    return seen;
  }

  @Test
  void piecesGatheredInReusedArrays_payloadsAsWhenWhole() {
    List<Seen> whole = feed(server, server.length);
    List<Seen> pieces = feed(server, 1);
    assertEquals(whole.size(), pieces.size());
    for (int i = 0; i < whole.size(); i++) {
      assertEquals(whole.get(i).type(), pieces.get(i).type());
      assertArrayEquals(whole.get(i).payload(), pieces.get(i).payload(), "record " + i);
      assertEquals(null, whole.get(i).gatheredIn(), "a whole record is read where it lies");
    }
    Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
    pieces.forEach(s -> arrays.add(s.gatheredIn()));
    assertTrue(pieces.size() >= 4, "handshake records, change_cipher_spec and Finished: " + pieces.size());
    assertTrue(arrays.size() < pieces.size(), "a record that fits is gathered in an earlier one's array: "
        + arrays.size() + " arrays for " + pieces.size() + " records");
  }

  @Test
  void applicationData_dropsTheArray() {
    byte[] appData = {23, 3, 3, 0, 3, 1, 2, 3};
    byte[] alert = {21, 3, 3, 0, 2, 2, 40};
    byte[] stream = new byte[server.length + appData.length + alert.length];
    System.arraycopy(server, 0, stream, 0, server.length);
    System.arraycopy(appData, 0, stream, server.length, appData.length);
    System.arraycopy(alert, 0, stream, server.length + appData.length, alert.length);
    List<Seen> pieces = feed(stream, 1);
    Seen last = pieces.get(pieces.size() - 1);
    assertArrayEquals(new byte[] {2, 40}, last.payload());
    for (Seen s : pieces.subList(0, pieces.size() - 1)) {
      assertNotSame(s.gatheredIn(), last.gatheredIn(), "the alert after application data has an array of its own");
    }
  }
}
