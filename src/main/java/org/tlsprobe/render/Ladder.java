package org.tlsprobe.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tlsprobe.model.FlowReport;
import org.tlsprobe.model.HandshakeFacts;
import org.tlsprobe.tls.AlertDescription;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.transcript.TranscriptEvent;

/**
 * A transcript as reports show it: the handshake messages of SPEC's {@code handshake[]}, and the ladder of
 * the text report (messages, alerts, closes, holes, runs of application data collapsed).
 */
final class Ladder {
  /** One rung: who sent what in which packet. */
  record Step(long packet, Instant time, Side from, String message) {}

  /** Rungs a report shows of one flow at most (the rest counted in one rung). */
  static final int MAX_SHOWN = 24;

  private Ladder() {}

  /**
   * SPEC's {@code handshake[]}: handshake messages and ChangeCipherSpec in order; in TLS 1.3 the encrypted
   * records of the handshake (before the client's first application record) appear once per run as
   * {@code Encrypted}.
   */
  static List<Step> handshake(HandshakeTranscript t) {
    boolean tls13 = t.serverHello().map(sh -> sh.version() == TlsVersion.TLSv1_3).orElse(false);
    List<Step> steps = new ArrayList<>();
    boolean serverHello = false;
    boolean clientDone = false;
    Side lastEncrypted = null;
    for (TranscriptEvent e : t.events()) {
      if (e instanceof TranscriptEvent.Handshake h) {
        steps.add(new Step(h.packet(), h.time(), h.from(), h.type().label()));
        serverHello |= h.type() == HandshakeType.SERVER_HELLO;
        lastEncrypted = null;
      } else if (e instanceof TranscriptEvent.ChangeCipherSpec c) {
        steps.add(new Step(c.packet(), c.time(), c.from(), "ChangeCipherSpec"));
      } else if (tls13 && serverHello && !clientDone && e instanceof TranscriptEvent.ApplicationData d) {
        if (lastEncrypted != d.from()) {
          steps.add(new Step(d.packet(), d.time(), d.from(), HandshakeType.ENCRYPTED.label()));
          lastEncrypted = d.from();
        }
        clientDone = d.from() == Side.CLIENT;
      }
    }
    return steps;
  }

  /** The ladder a report shows of a flow: a failed flow's stops at the first reset (or shows all when there is none). */
  static List<Step> shown(FlowReport flow) {
    long last = flow.failed() ? flow.diagnosis().facts().reset().map(HandshakeFacts.CloseFact::packet).orElse(0L) : 0;
    return ladder(flow.observation().transcript(), last, MAX_SHOWN);
  }

  /**
   * The text ladder up to {@code lastPacket} (inclusive; 0 = all), at most {@code max} rungs (the rest
   * counted in a last rung).
   */
  static List<Step> ladder(HandshakeTranscript t, long lastPacket, int max) {
    List<Step> steps = new ArrayList<>();
    TranscriptEvent.ApplicationData runStart = null;
    int run = 0;
    List<TranscriptEvent> events = t.events();
    for (int i = 0; i < events.size(); i++) {
      TranscriptEvent e = events.get(i);
      if (lastPacket > 0 && e.packet() > lastPacket) {
        break;
      }
      if (e instanceof TranscriptEvent.ApplicationData d) {
        if (runStart != null && runStart.from() == d.from()) {
          run++;
          continue;
        }
        flush(steps, runStart, run);
        runStart = d;
        run = 1;
        continue;
      }
      flush(steps, runStart, run);
      runStart = null;
      String text = describe(e);
      if (text != null) {
        steps.add(new Step(e.packet(), e.time(), e.from(), text));
      }
    }
    flush(steps, runStart, run);
    if (steps.size() > max) {
      List<Step> cut = new ArrayList<>(steps.subList(0, max - 1));
      Step last = steps.get(steps.size() - 1);
      cut.add(new Step(0, null, null, "... " + (steps.size() - max + 1) + " more"));
      cut.add(last);
      return cut;
    }
    return steps;
  }

  private static void flush(List<Step> steps, TranscriptEvent.ApplicationData start, int run) {
    if (start == null) {
      return;
    }
    steps.add(new Step(start.packet(), start.time(), start.from(),
        "ApplicationData" + (run > 1 ? " x" + run : start.length() > 0 ? " (" + start.length() + " bytes)" : "")));
  }

  private static String describe(TranscriptEvent e) {
    if (e instanceof TranscriptEvent.Handshake h) {
      return h.type().label();
    }
    if (e instanceof TranscriptEvent.ChangeCipherSpec) {
      return "ChangeCipherSpec";
    }
    if (e instanceof TranscriptEvent.Alert a) {
      if (a.encrypted()) {
        return "Alert (encrypted)";
      }
      return "Alert " + (a.fatal() ? "fatal " : a.level() == 1 ? "warning " : "level " + a.level() + " ")
          + AlertDescription.name(a.description()) + " (" + a.description() + ")";
    }
    if (e instanceof TranscriptEvent.Close c) {
      return c.reset() ? "RST" : "FIN";
    }
    if (e instanceof TranscriptEvent.Gap g) {
      return "[" + g.bytes() + " bytes missing from the capture]";
    }
    if (e instanceof TranscriptEvent.ProtocolViolation v) {
      return "[not TLS: " + v.message() + "]";
    }
    return null;
  }
}
