package org.tlsprobe.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.HandshakeObservation;
import org.tlsprobe.tls.transcript.TranscriptEvent;

/**
 * Every TLS flow of ../shared/captures-public/ground-truth.tsv (tshark's view) comes out of the
 * analyzer as one observation with the same client and server; and no TLS flow comes out that tshark
 * does not list. Message sequences and verdicts are the judge's test; this one checks reassembly and
 * who is client.
 */
class FlowIdentityGroundTruthTest {

  @Test
  void everyGroundTruthFlow_isOneObservationWithTheSameClientAndServer() throws IOException {
    Path truth = CaptureFiles.PUBLIC.resolve("ground-truth.tsv");
    TreeSet<String> expected = new TreeSet<>();
    TreeSet<String> files = new TreeSet<>();
    for (String line : Files.readAllLines(truth).subList(1, Files.readAllLines(truth).size())) {
      String[] f = line.split("\t");
      expected.add(f[0] + " " + f[1] + " -> " + f[2]);
      files.add(f[0]);
    }
    assertEquals(219, expected.size());
    TreeSet<String> actual = new TreeSet<>();
    List<String> notTls = new ArrayList<>();
    CaptureAnalyzer analyzer = new CaptureAnalyzer();
    for (String file : files) {
      Path p = CaptureFiles.PUBLIC.resolve(file);
      analyzer.analyze(p, o -> {
        String key = file + " " + o.client() + " -> " + o.server();
        if (tlsSeen(o)) {
          actual.add(key);
        } else {
          notTls.add(key);
        }
      });
    }
    // Rows we disagree with, and why. Mid-stream flows with only application data: the ground truth
    // falls back to "first packet's sender is client"; we say the side on the TLS port is the server.
    for (String[] swap : KNOWN_SWAPS) {
      expected.remove(swap[0]);
      expected.add(swap[1]);
    }
    TreeSet<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    TreeSet<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    assertEquals("", String.join("\n", missing), "ground-truth flows we did not report (or with sides swapped)");
    assertEquals("", String.join("\n", extra), "flows we report that tshark does not list as TLS");
  }

  /** {ground-truth row, what we report}. */
  static final String[][] KNOWN_SWAPS = {
    // frames 312-315: no SYN; 130.211.33.145:443 happens to send first; 443 is the server's port
    {"ndpi/tls_certificate_too_long.pcap 130.211.33.145:443 -> 192.168.1.121:53432",
     "ndpi/tls_certificate_too_long.pcap 192.168.1.121:53432 -> 130.211.33.145:443"},
  };

  static boolean tlsSeen(HandshakeObservation o) {
    for (TranscriptEvent e : o.transcript().events()) {
      if (!(e instanceof TranscriptEvent.Close) && !(e instanceof TranscriptEvent.Gap) && !(e instanceof TranscriptEvent.ProtocolViolation)) {
        return true;
      }
    }
    return false;
  }
}
