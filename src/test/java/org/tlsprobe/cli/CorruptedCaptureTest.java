package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsprobe.capture.CaptureFiles;

/**
 * Bad input is data, end to end: every real capture (ours and ../shared/captures-public) with random bytes
 * overwritten after its file header (a few single bytes, sometimes a run of up to 300, so record headers,
 * IP and TCP headers, TLS records and the DER of certificates all get hit) goes through {@code analyze}
 * in each output format. Whatever was damaged, the run reports (exit 0 or 1, never the internal-error 4),
 * writes no stack trace, and its JSON still parses. The mutations are seeded, so a failure names the seed
 * that reproduces it.
 */
class CorruptedCaptureTest {
  private static final int MUTANTS_PER_CAPTURE = 6;
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> captures() {
    return CaptureFiles.all();
  }

  @ParameterizedTest
  @MethodSource("captures")
  void randomDamage_isReportedNeverThrown(Path capture, @TempDir Path dir) throws Exception {
    byte[] original = Files.readAllBytes(capture);
    int header = fileHeaderLength(original);
    Path mutant = dir.resolve(capture.getFileName());
    for (int seed = 0; seed < MUTANTS_PER_CAPTURE; seed++) {
      Files.write(mutant, damage(original, header, new Random(seed)));
      for (String format : List.of("json", "text", "html")) {
        CliRun run = CliRun.run("analyze", "--all", "--format", format, "--trust", "captures/pki/root.pem", mutant.toString());
        String what = capture + ", seed " + seed + ", " + format + ": exit " + run.exit() + "\n" + run.err();
        assertTrue(run.exit() == 0 || run.exit() == 1, what);
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), what);
        if (format.equals("json")) {
          JSON.readTree(run.out()); // still one well-formed report, whatever the flows
        }
      }
    }
  }

  /** Overwrites 1-8 random bytes after the header and, half the time, a run of 1-300 bytes. */
  private static byte[] damage(byte[] original, int header, Random random) {
    byte[] b = original.clone();
    int body = b.length - header;
    for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
      b[header + random.nextInt(body)] = (byte) random.nextInt(256);
    }
    if (random.nextBoolean()) {
      int at = header + random.nextInt(body);
      for (int i = at, end = Math.min(b.length, at + 1 + random.nextInt(300)); i < end; i++) {
        b[i] = (byte) random.nextInt(256);
      }
    }
    return b;
  }

  /** The part left alone so the file is still a capture: pcap's 24-byte header, or pcapng's section header block. */
  private static int fileHeaderLength(byte[] b) {
    ByteBuffer bb = ByteBuffer.wrap(b);
    if (bb.getInt(0) != 0x0A0D0D0A) {
      return 24;
    }
    bb.order(bb.getInt(8) == 0x1A2B3C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    return bb.getInt(4);
  }
}
