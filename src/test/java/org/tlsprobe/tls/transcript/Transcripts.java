package org.tlsprobe.tls.transcript;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tlsprobe.tls.testing.EngineHandshake;

/** Feeds recorded flights into a TranscriptBuilder in various splits and renders events compactly. */
final class Transcripts {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Transcripts() {}

  /** Each chunk as one packet (packet number = index + 1). */
  static TranscriptBuilder feed(EngineHandshake.Recording rec) {
    TranscriptBuilder b = new TranscriptBuilder();
    int packet = 1;
    for (EngineHandshake.Chunk c : rec.chunks()) {
      b.bytes(c.from(), c.bytes(), 0, c.bytes().length, packet, T0.plusMillis(packet));
      packet++;
    }
    return b;
  }

  /** Each chunk cut into pieces of at most {@code max} bytes (random sizes when {@code random} is set). */
  static TranscriptBuilder feedSplit(EngineHandshake.Recording rec, int max, Random random) {
    TranscriptBuilder b = new TranscriptBuilder();
    int packet = 1;
    for (EngineHandshake.Chunk c : rec.chunks()) {
      byte[] bytes = c.bytes();
      int p = 0;
      while (p < bytes.length) {
        int n = Math.min(bytes.length - p, random == null ? max : 1 + random.nextInt(max));
        b.bytes(c.from(), bytes, p, n, packet, T0.plusMillis(packet));
        p += n;
      }
      packet++;
    }
    return b;
  }

  /** "C:ClientHello S:ServerHello S:ChangeCipherSpec S:AppData ..." in the ground truth's words. */
  static String render(HandshakeTranscript t) {
    List<String> items = new ArrayList<>();
    for (TranscriptEvent e : t.events()) {
      items.add((e.from() == org.tlsprobe.tls.Side.CLIENT ? "C:" : "S:") + item(e));
    }
    return String.join(" ", items);
  }

  static String item(TranscriptEvent e) {
    if (e instanceof TranscriptEvent.Handshake) {
      TranscriptEvent.Handshake h = (TranscriptEvent.Handshake) e;
      return h.type() == org.tlsprobe.tls.HandshakeType.ENCRYPTED ? "EncryptedHandshake" : h.type().label();
    }
    if (e instanceof TranscriptEvent.ChangeCipherSpec) {
      return "ChangeCipherSpec";
    }
    if (e instanceof TranscriptEvent.Alert) {
      TranscriptEvent.Alert a = (TranscriptEvent.Alert) e;
      return a.encrypted() ? "EncryptedAlert"
          : "Alert(" + (a.fatal() ? "fatal" : "warning") + "," + org.tlsprobe.tls.AlertDescription.name(a.description()) + ")";
    }
    if (e instanceof TranscriptEvent.ApplicationData) {
      return "AppData";
    }
    if (e instanceof TranscriptEvent.Close) {
      return ((TranscriptEvent.Close) e).reset() ? "RST" : "FIN";
    }
    if (e instanceof TranscriptEvent.Gap) {
      return "Gap(" + ((TranscriptEvent.Gap) e).bytes() + ")";
    }
    return "Violation";
  }

  /** Events with their packet numbers, for comparing splits: "1 C:ClientHello, 2 S:ServerHello, ...". */
  static String withPackets(HandshakeTranscript t) {
    List<String> items = new ArrayList<>();
    for (TranscriptEvent e : t.events()) {
      items.add(e.packet() + " " + (e.from() == org.tlsprobe.tls.Side.CLIENT ? "C:" : "S:") + item(e));
    }
    return String.join(", ", items);
  }
}
