package org.tlsprobe.diagnose.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsprobe.model.HandshakeFacts.AlertFact;
import org.tlsprobe.model.HandshakeFacts.CloseFact;
import org.tlsprobe.model.TextFormat;
import org.tlsprobe.tls.AlertDescription;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.transcript.TranscriptEvent;
import org.tlsprobe.tls.transcript.TranscriptEvent.Alert;
import org.tlsprobe.tls.transcript.TranscriptEvent.ApplicationData;
import org.tlsprobe.tls.transcript.TranscriptEvent.ChangeCipherSpec;
import org.tlsprobe.tls.transcript.TranscriptEvent.Close;
import org.tlsprobe.tls.transcript.TranscriptEvent.Gap;
import org.tlsprobe.tls.transcript.TranscriptEvent.Handshake;
import org.tlsprobe.tls.transcript.TranscriptEvent.ProtocolViolation;

/**
 * One walk over a transcript's events that finds where the handshake completed, the first fatal alert and
 * the first closes before that, and answers "what had been seen before event i" for the rules. Positions are
 * event indexes; {@link #NONE} when a thing did not happen.
 */
final class TranscriptReading {
  static final int NONE = Integer.MAX_VALUE;
  /** A TLS 1.3 encrypted record of this length is an alert (2 bytes + content type + 16-byte AEAD tag). */
  static final int TLS13_ENCRYPTED_ALERT_LENGTH = 19;

  final HandshakeTranscript transcript;
  /**
   * The events as an array: the rules walk them many times per flow, and a List's get is an interface call
   * that C1 code dispatches through an itable stub (the transcript's list is one of several List classes).
   */
  final TranscriptEvent[] events;
  final boolean tls13;
  /** Index of the event that completed the handshake, or NONE. */
  final int completedAt;
  /** Index of the first fatal or encrypted alert before completion, or NONE; {@link #alert} describes it. */
  final int alertAt;
  final Optional<AlertFact> alert;
  /** First FIN or RST before completion, first RST before completion (indexes or NONE). */
  final int firstCloseAt;
  final int firstResetAt;

  TranscriptReading(HandshakeTranscript transcript) {
    this.transcript = transcript;
    this.events = transcript.events().toArray(new TranscriptEvent[0]);
    this.tls13 = transcript.serverHello().map(sh -> sh.version() == TlsVersion.TLSv1_3).orElse(false)
        || sawAny(HandshakeType.HELLO_RETRY_REQUEST);
    this.completedAt = findCompletion();
    int alertIndex = NONE;
    AlertFact alertFact = null;
    int close = NONE;
    int reset = NONE;
    int serverHelloAt = indexOf(Side.SERVER, HandshakeType.SERVER_HELLO);
    for (int i = 0; i < Math.min(completedAt, events.length); i++) {
      TranscriptEvent e = events[i];
      if (alertIndex == NONE && tls13 && e instanceof ApplicationData d && d.from() == Side.SERVER && isServerRefusal(i)) {
        alertIndex = i;
        alertFact = new AlertFact(d.packet(), d.time(), d.from(), -1, -1);
      } else if (alertIndex == NONE && e instanceof Alert a && isFailureAlert(a)) {
        alertIndex = i;
        alertFact = new AlertFact(a.packet(), a.time(), a.from(), a.encrypted() ? -1 : a.level(), a.encrypted() ? -1 : a.description());
      } else if (alertIndex == NONE && tls13 && i > serverHelloAt && e instanceof ApplicationData d
          && d.from() == Side.CLIENT && d.length() == TLS13_ENCRYPTED_ALERT_LENGTH) {
        alertIndex = i;
        alertFact = new AlertFact(d.packet(), d.time(), d.from(), -1, -1);
      }
      if (e instanceof Close c) {
        close = Math.min(close, i);
        if (c.reset()) {
          reset = Math.min(reset, i);
        }
      }
    }
    this.alertAt = alertIndex;
    this.alert = Optional.ofNullable(alertFact);
    this.firstCloseAt = close;
    this.firstResetAt = reset;
  }

  /** Whether event {@code i} is the 19-byte server record that ends a TLS 1.3 connection after the client's flight. */
  private boolean isServerRefusal(int i) {
    for (int j = i - 1; j >= 0; j--) {
      TranscriptEvent e = events[j];
      if (e.from() == Side.CLIENT && e instanceof ApplicationData d && d.length() != TLS13_ENCRYPTED_ALERT_LENGTH) {
        return serverAlertEndsConnection(j) == i;
      }
    }
    return false;
  }

  private static boolean isFailureAlert(Alert a) {
    if (a.encrypted()) {
      return true;
    }
    return a.fatal() && a.description() != AlertDescription.CLOSE_NOTIFY;
  }

  /**
   * TLS 1.3: the client sent an encrypted record after the ServerHello that is not an alert's length (or,
   * for a probe that decrypted it, its Finished). Earlier versions: each side sent its Finished, seen as an
   * encrypted handshake record (or application data) after its own ChangeCipherSpec, or decrypted.
   */
  private int findCompletion() {
    boolean[] ccs = new boolean[2];
    boolean[] finished = new boolean[2];
    boolean serverHello = false;
    for (int i = 0; i < events.length; i++) {
      TranscriptEvent e = events[i];
      int side = e.from().ordinal();
      if (e instanceof Handshake h && h.from() == Side.SERVER && h.type() == HandshakeType.SERVER_HELLO) {
        serverHello = true;
      }
      if (tls13) {
        if (serverHello && e.from() == Side.CLIENT
            && ((e instanceof ApplicationData d && d.length() != TLS13_ENCRYPTED_ALERT_LENGTH)
                || (e instanceof Handshake h && h.type() == HandshakeType.FINISHED))) {
          return serverRefusesClientFlight(i) || serverAlertEndsConnection(i) >= 0 ? NONE : i;
        }
        continue;
      }
      if (e instanceof Handshake h && h.type() == HandshakeType.SSL2_CLIENT_MASTER_KEY) {
        ccs[Side.CLIENT.ordinal()] = true; // SSLv2: encryption starts with the master key
        ccs[Side.SERVER.ordinal()] = true;
        continue;
      }
      if (e instanceof Handshake h && h.type() == HandshakeType.SSL2_ENCRYPTED && ccs[side]) {
        finished[side] = true;
      } else if (e instanceof ChangeCipherSpec) {
        ccs[side] = true;
      } else if (e instanceof Handshake h
          && (h.type() == HandshakeType.FINISHED || (ccs[side] && h.type() == HandshakeType.ENCRYPTED))) {
        finished[side] = true;
      } else if (e instanceof ApplicationData && ccs[side]) {
        finished[side] = true;
      } else {
        continue;
      }
      if (finished[0] && finished[1]) {
        return i;
      }
    }
    return NONE;
  }

  /**
   * TLS 1.3 ends the client's handshake at its Finished, but the server checks the client's certificate
   * only then: a readable fatal alert from the server (a live probe decrypts it) before the server sends
   * anything more means the handshake failed after all.
   */
  private boolean serverRefusesClientFlight(int clientFinished) {
    for (int i = clientFinished + 1; i < events.length; i++) {
      TranscriptEvent e = events[i];
      if (e.from() != Side.SERVER) {
        continue;
      }
      if (e instanceof Alert a) {
        return !a.encrypted() && a.fatal() && a.description() != AlertDescription.CLOSE_NOTIFY;
      }
      if (e instanceof ApplicationData || e instanceof Handshake) {
        return false;
      }
    }
    return false;
  }

  /**
   * TLS 1.3 seen from outside: after the client's flight, the server's first record is 19 bytes (an encrypted
   * alert) and the server closes without sending anything else (no NewSessionTicket, no data): the server
   * refused the client's flight, typically its certificate (certificate_required, bad_certificate). Returns
   * the index of that record, or -1.
   */
  int serverAlertEndsConnection(int clientFlight) {
    int alert = -1;
    for (int i = clientFlight + 1; i < events.length; i++) {
      TranscriptEvent e = events[i];
      if (e.from() != Side.SERVER) {
        continue;
      }
      if (alert < 0) {
        if (e instanceof ApplicationData d && d.length() == TLS13_ENCRYPTED_ALERT_LENGTH) {
          alert = i;
          continue;
        }
        return -1;
      }
      if (e instanceof Close) {
        return alert;
      }
      if (!(e instanceof Alert)) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * TLS 1.3 client certificate as the record sizes tell it, for a client flight of one record per message
   * (OpenSSL, Schannel): 25 bytes first is an empty Certificate (8-byte message + type + 16-byte tag), and
   * three or more records carry Certificate, CertificateVerify and Finished. Null when sizes do not tell.
   */
  Boolean tls13ClientCertificateBySize() {
    int sh = indexOf(Side.SERVER, HandshakeType.SERVER_HELLO);
    List<Integer> lengths = new ArrayList<>();
    for (int i = sh + 1; i < events.length; i++) {
      TranscriptEvent e = events[i];
      if (e.from() == Side.SERVER && lengths.size() > 0) {
        break;
      }
      if (e instanceof ApplicationData d && d.from() == Side.CLIENT) {
        lengths.add(d.length());
      }
    }
    if (lengths.size() == 2 && lengths.get(0) == 25) {
      return false;
    }
    if (lengths.size() >= 3) {
      return true;
    }
    return null;
  }

  boolean completed() {
    return completedAt != NONE;
  }

  int indexOf(Side from, HandshakeType type) {
    for (int i = 0; i < events.length; i++) {
      if (events[i] instanceof Handshake h && h.from() == from && h.type() == type) {
        return i;
      }
    }
    return NONE;
  }

  private boolean sawAny(HandshakeType type) {
    for (TranscriptEvent e : events) {
      if (e instanceof Handshake h && h.type() == type) {
        return true;
      }
    }
    return false;
  }

  boolean saw(Side from, HandshakeType type, int before) {
    return indexOf(from, type) < before;
  }

  /** Whether {@code side} sent any readable TLS (handshake, CCS, alert, application data) before index. */
  boolean sentTls(Side side, int before) {
    for (int i = 0; i < Math.min(before, events.length); i++) {
      TranscriptEvent e = events[i];
      if (e.from() == side && isTls(e)) {
        return true;
      }
    }
    return false;
  }

  static boolean isTls(TranscriptEvent e) {
    return e instanceof Handshake || e instanceof ChangeCipherSpec || e instanceof Alert || e instanceof ApplicationData;
  }

  boolean sentViolation(Side side) {
    return firstViolation(side).isPresent();
  }

  Optional<ProtocolViolation> firstViolation(Side side) {
    for (TranscriptEvent e : events) {
      if (e.from() == side && e instanceof ProtocolViolation v) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  boolean hasGap() {
    for (TranscriptEvent e : events) {
      if (e instanceof Gap) {
        return true;
      }
    }
    return false;
  }

  /** Whether the client sent anything beyond its ClientHello(s) before index: its own flight had begun. */
  boolean clientFlightBegun(int before) {
    for (int i = 0; i < Math.min(before, events.length); i++) {
      TranscriptEvent e = events[i];
      if (e.from() != Side.CLIENT) {
        continue;
      }
      if (e instanceof Handshake h && h.type() != HandshakeType.CLIENT_HELLO) {
        return true;
      }
      if (e instanceof ApplicationData || (e instanceof ChangeCipherSpec && !tls13)) {
        return true;
      }
    }
    return false;
  }

  /** TLS 1.3: the server's encrypted flight (EncryptedExtensions..Finished, holding the Certificate) began before index. */
  boolean serverEncryptedFlightBefore(int before) {
    if (!tls13) {
      return false;
    }
    int sh = indexOf(Side.SERVER, HandshakeType.SERVER_HELLO);
    for (int i = sh + 1; i < Math.min(before, events.length); i++) {
      TranscriptEvent e = events[i];
      if (e.from() == Side.SERVER && (e instanceof ApplicationData || e instanceof Handshake h && h.type() != HandshakeType.SERVER_HELLO)) {
        return true;
      }
    }
    return false;
  }

  /** The client's Certificate message: present and non-empty, present and empty, or absent. */
  boolean clientSentCertificate() {
    return transcript.clientCertificate().map(c -> !c.certificates().isEmpty()).orElse(false);
  }

  boolean certificateRequested() {
    return transcript.certificateRequest().isPresent() || saw(Side.SERVER, HandshakeType.CERTIFICATE_REQUEST, NONE);
  }

  /** The last handshake message before index (CCS ignored); TLS 1.3's encrypted server flight counts as one. */
  Optional<Step> lastStepBefore(int before) {
    // finds the index first and makes one Step: this runs several times for every failed flow
    int last = -1;
    boolean lastEncrypted = false; // whether the step at last reads "Encrypted"
    int sh = indexOf(Side.SERVER, HandshakeType.SERVER_HELLO);
    for (int i = 0; i < Math.min(before, events.length); i++) {
      TranscriptEvent e = events[i];
      if (e instanceof Handshake h) {
        last = i;
        lastEncrypted = h.type() == HandshakeType.ENCRYPTED;
      } else if (tls13 && i > sh && e instanceof ApplicationData d && d.from() == Side.SERVER && (completedAt == NONE || i < completedAt)
          && !lastEncrypted) {
        last = i;
        lastEncrypted = true;
      }
    }
    if (last < 0) {
      return Optional.empty();
    }
    TranscriptEvent e = events[last];
    return Optional.of(e instanceof Handshake h
        ? new Step(h.from(), h.type().label(), h.packet())
        : new Step(Side.SERVER, HandshakeType.ENCRYPTED.label(), e.packet()));
  }

  CloseFact closeFact(int index) {
    Close c = (Close) events[index];
    return new CloseFact(c.packet(), c.time(), c.from(), c.reset(), lastStepBefore(index).map(Step::message).orElse(null));
  }

  Optional<CloseFact> firstReset() {
    for (int i = 0; i < events.length; i++) {
      if (events[i] instanceof Close c && c.reset()) {
        return Optional.of(closeFact(i));
      }
    }
    return Optional.empty();
  }

  Optional<CloseFact> firstClose() {
    for (int i = 0; i < events.length; i++) {
      if (events[i] instanceof Close) {
        return Optional.of(closeFact(i));
      }
    }
    return Optional.empty();
  }

  /** Notes on what limits the evidence, for reports. */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (TranscriptEvent e : events) {
      if (e instanceof Gap g) {
        notes.add(TextFormat.format("%d bytes from the %s are missing from the capture at packet %d: what follows may be misread",
            g.bytes(), g.from().label(), g.packet()));
      } else if (e instanceof ProtocolViolation v) {
        notes.add(TextFormat.format("the %s sent bytes that are not valid TLS at packet %d: %s", v.from().label(), v.packet(), v.message()));
      }
    }
    return notes;
  }

  /** A handshake message as explanations name it: who sent which message in which packet. */
  record Step(Side from, String message, long packet) {
    String phrase() {
      return phrase(null);
    }

    /** e.g. "the server's ServerHelloDone (packet 7)", or "its own ClientHello" when {@code actor} sent it. */
    String phrase(Side actor) {
      String where = packet > 0 ? " (packet " + packet + ")" : "";
      String what = message.equals(HandshakeType.ENCRYPTED.label())
          ? (from == Side.SERVER ? "encrypted handshake records" : "encrypted Finished") : message;
      return (from == actor ? "its own " : "the " + from.label() + "'s ") + what + where;
    }
  }
}
