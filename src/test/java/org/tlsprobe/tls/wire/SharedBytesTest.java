package org.tlsprobe.tls.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.testing.EngineHandshake;
import org.tlsprobe.tls.testing.EngineHandshake.ClientAuth;
import org.tlsprobe.tls.testing.TestPki;

/** Certificates kept once for all connections: on the Certificate messages of a real mutual-TLS handshake. */
class SharedBytesTest {
  /** Server's and client's Certificate messages: each sends its leaf and the root they share. */
  private static byte[] serverMessage;
  private static byte[] clientMessage;

  @BeforeAll
  static void record() throws Exception {
    TestPki pki = TestPki.ec("Shared Root");
    EngineHandshake.Recording rec = EngineHandshake.run(new EngineHandshake.Setup("TLSv1.2", ClientAuth.NEED,
        pki.leaf("server.example.net"), pki.leaf("client.example.net"), pki, pki, "server.example.net", List.of(), false));
    serverMessage = Messages.body(rec.stream(Side.SERVER), 11);
    clientMessage = Messages.body(rec.stream(Side.CLIENT), 11);
  }

  private static List<byte[]> certificates(byte[] message, ByteReader.Keeper keeper) {
    return CertificateMessage.parse(ByteReader.of(message, "Certificate"), TlsVersion.TLSv1_2, keeper).certificates();
  }

  @Test
  void theSameCertificateInTwoMessages_oneArray_othersTheirOwn() {
    SharedBytes shared = new SharedBytes();
    List<byte[]> server = certificates(serverMessage, shared);
    List<byte[]> client = certificates(clientMessage, shared);
    assertEquals(2, server.size());
    assertArrayEquals(server.get(1), client.get(1), "both send the root");
    assertSame(server.get(1), client.get(1));
    assertNotSame(server.get(0), client.get(0));
    assertSame(server.get(0), certificates(serverMessage.clone(), shared).get(0), "equal bytes elsewhere: the kept array");
  }

  @Test
  void copiesByDefault() {
    assertNotSame(certificates(serverMessage, ByteReader.Keeper.COPY).get(1),
        certificates(clientMessage, ByteReader.Keeper.COPY).get(1));
  }

  @Test
  void keptBytesAreACopy_notAViewOfTheMessage() {
    byte[] message = serverMessage.clone();
    List<byte[]> kept = certificates(message, new SharedBytes());
    List<byte[]> expected = certificates(serverMessage, ByteReader.Keeper.COPY);
    Arrays.fill(message, (byte) 0x55); // the record buffer is reused for the next connection
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), kept.get(i));
    }
  }

  @Test
  void bounded_startsAfreshWhenFull_andLongRangesAreCopied() {
    SharedBytes shared = new SharedBytes();
    byte[] data = new byte[SharedBytes.MAX_LENGTH + 1];
    byte[] first = shared.keep(data, 0, 8);
    for (int i = 1; i < SharedBytes.CAPACITY; i++) {
      data[7] = (byte) i;
      data[6] = (byte) (i >> 8);
      shared.keep(data, 0, 8);
    }
    Arrays.fill(data, 0, 8, (byte) 0);
    assertSame(first, shared.keep(data, 0, 8), "still held at capacity");
    data[5] = 1;
    shared.keep(data, 0, 8); // one more distinct range: the table starts afresh
    data[5] = 0;
    assertNotSame(first, shared.keep(data, 0, 8));
    assertNotSame(shared.keep(data, 0, data.length), shared.keep(data, 0, data.length));
  }

  @Test
  void bounded_inBytesToo() {
    SharedBytes shared = new SharedBytes();
    byte[] data = new byte[SharedBytes.MAX_LENGTH];
    byte[] first = shared.keep(data, 0, data.length);
    assertSame(first, shared.keep(data.clone(), 0, data.length), "a long certificate is kept as well");
    for (int i = 1; i < SharedBytes.BUDGET / SharedBytes.MAX_LENGTH; i++) {
      data[0] = (byte) i;
      shared.keep(data, 0, data.length);
    }
    data[0] = 0;
    assertSame(first, shared.keep(data, 0, data.length), "still held within the budget");
    data[0] = -1;
    shared.keep(data, 0, data.length); // over the budget: the table starts afresh
    data[0] = 0;
    assertNotSame(first, shared.keep(data, 0, data.length));
  }
}
