package org.tlsprobe.tls.transcript;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.testing.EngineHandshake;
import org.tlsprobe.tls.transcript.Recordings.Kind;

/**
 * How fast TranscriptBuilder reads TLS, in MSS-sized (1448-byte) segments as a capture delivers them.
 * Prints numbers, asserts nothing. Run: {@code mvn -o test -Dgroups=benchmark -Dsurefire.excludedGroups=
 * -Dtest=TranscriptBuilderBenchmark}.
 */
@Tag("benchmark")
class TranscriptBuilderBenchmark {
  private static final int MSS = 1448;
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  @Test
  void handshakes_perSecond() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_MTLS);
    long bytesPerFlow = rec.stream(Side.CLIENT).length + rec.stream(Side.SERVER).length;
    for (int round = 0; round < 6; round++) {
      int flows = 50_000;
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long events = 0;
      for (int i = 0; i < flows; i++) {
        TranscriptBuilder b = new TranscriptBuilder();
        long packet = 1;
        for (EngineHandshake.Chunk c : rec.chunks()) {
          byte[] bytes = c.bytes();
          for (int p = 0; p < bytes.length; p += MSS) {
            b.bytes(c.from(), bytes, p, Math.min(MSS, bytes.length - p), packet++, Instant.EPOCH);
          }
        }
        events += b.build().events().size();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf("TLS 1.2 MTLS handshakes: %,.0f flows/s, %,.0f MB/s wall; %,.0f flows/s, %,.0f MB/s per CPU second"
          + " (%d bytes and %d events a flow)%n", flows / s, flows * bytesPerFlow / s / 1e6, flows / cpu,
          flows * bytesPerFlow / cpu / 1e6, bytesPerFlow, events / flows);
    }
  }

  @Test
  void applicationData_megabytesPerSecond() throws Exception {
    EngineHandshake.Recording rec = Recordings.get(Kind.TLS12_SERVER_AUTH);
    byte[] server = rec.stream(Side.SERVER);
    // the server's last record is real application data: repeat it to make a long download
    int last = lastRecord(server);
    byte[] record = java.util.Arrays.copyOfRange(server, last, server.length);
    byte[] stream = new byte[64 << 20];
    for (int p = 0; p + record.length <= stream.length; p += record.length) {
      System.arraycopy(record, 0, stream, p, record.length);
    }
    int usable = stream.length - stream.length % record.length;
    for (int round = 0; round < 5; round++) {
      TranscriptBuilder b = new TranscriptBuilder();
      b.bytes(Side.SERVER, server, 0, last, 1, Instant.EPOCH);
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long packet = 2;
      for (int p = 0; p < usable; p += MSS) {
        b.bytes(Side.SERVER, stream, p, Math.min(MSS, usable - p), packet++, Instant.EPOCH);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf("application data in %d-byte records: %,.0f MB/s, %,.0f segments/s wall; %,.0f MB/s per CPU second%n",
          record.length, usable / s / 1e6, (packet - 2) / s, usable / cpu / 1e6);
    }
  }

  private static int lastRecord(byte[] stream) {
    int p = 0;
    int last = 0;
    while (p < stream.length) {
      last = p;
      p += 5 + (((stream[p + 3] & 0xff) << 8) | (stream[p + 4] & 0xff));
    }
    return last;
  }
}
