package org.tlsprobe.diagnose.handshake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.transcript.HandshakeTranscript;
import org.tlsprobe.tls.transcript.TranscriptEvent;
import org.tlsprobe.tls.wire.CertificateMessage;
import org.tlsprobe.tls.wire.CertificateRequest;
import org.tlsprobe.tls.wire.ClientHello;
import org.tlsprobe.tls.wire.ServerHello;

/**
 * A transcript written the way ../shared/captures-public/ground-truth.tsv writes its {@code messages}
 * column ({@code C:ClientHello S:ServerHello ... C:RST}), so classifier rules are tested against the very
 * sequences tshark saw in public captures. One token, one event, packet numbers counting from 1.
 * Tokens: handshake names, {@code Encrypted}, {@code ChangeCipherSpec}, {@code Alert(fatal,48)},
 * {@code EncryptedAlert}, {@code AppData} or {@code AppData(19)}, {@code FIN}, {@code RST}, {@code Gap},
 * {@code Garbage}.
 */
public final class History {
  private static final Pattern TOKEN = Pattern.compile("([CS]):(\\w+)(?:\\(([^)]*)\\))?");
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final String history;
  private int version = 0x0303;
  private boolean clientCertEmpty;
  private boolean clientCertPresent;
  private List<byte[]> serverChain = List.of(new byte[] {1});
  private List<byte[]> clientChain = List.of(new byte[] {2});
  private List<byte[]> caNames = List.of();
  private Optional<String> sni = Optional.of("pool.example.com");

  private History(String history) {
    this.history = history;
  }

  public static History of(String history) {
    return new History(history);
  }

  public History version(int v) {
    this.version = v;
    return this;
  }

  public History tls13() {
    return version(0x0304);
  }

  /** A ClientHello without server_name (default: SNI pool.example.com). */
  public History noSni() {
    sni = Optional.empty();
    return this;
  }

  public History emptyClientCertificate() {
    clientCertEmpty = true;
    return this;
  }

  /** The DER certificates of the server's Certificate message (default: one placeholder byte). */
  public History serverChain(List<byte[]> der) {
    this.serverChain = List.copyOf(der);
    return this;
  }

  public History clientChain(List<byte[]> der) {
    this.clientChain = List.copyOf(der);
    return this;
  }

  /** The CertificateRequest's CA names (DER X.500 names). */
  public History caNames(List<byte[]> names) {
    this.caNames = List.copyOf(names);
    return this;
  }

  public HandshakeTranscript transcript() {
    List<TranscriptEvent> events = new ArrayList<>();
    Matcher m = TOKEN.matcher(history);
    long packet = 0;
    boolean clientHello = false;
    boolean serverHello = false;
    boolean serverCert = false;
    boolean request = false;
    while (m.find()) {
      packet++;
      Side from = m.group(1).equals("C") ? Side.CLIENT : Side.SERVER;
      String name = m.group(2);
      String arg = m.group(3);
      Instant t = T0.plusMillis(packet);
      switch (name) {
        case "ChangeCipherSpec":
          events.add(new TranscriptEvent.ChangeCipherSpec(from, packet, t));
          break;
        case "Alert": {
          String[] a = arg.split(",");
          events.add(new TranscriptEvent.Alert(from, packet, t, a[0].equals("fatal") ? 2 : 1, Integer.parseInt(a[1].trim())));
          break;
        }
        case "EncryptedAlert":
          events.add(new TranscriptEvent.Alert(from, packet, t, -1, -1));
          break;
        case "AppData":
          events.add(new TranscriptEvent.ApplicationData(from, packet, t, arg == null ? 100 : Integer.parseInt(arg)));
          break;
        case "FIN":
          events.add(new TranscriptEvent.Close(from, packet, t, false));
          break;
        case "RST":
          events.add(new TranscriptEvent.Close(from, packet, t, true));
          break;
        case "Gap":
          events.add(new TranscriptEvent.Gap(from, packet, t, 1000));
          break;
        case "Garbage":
          events.add(new TranscriptEvent.ProtocolViolation(from, packet, t, "record: content type 0 is not a TLS content type at offset 0"));
          break;
        default: {
          HandshakeType type = name.equals("Encrypted") ? HandshakeType.ENCRYPTED
              : name.equals("HelloRetryRequest") ? HandshakeType.HELLO_RETRY_REQUEST : byLabel(name);
          events.add(new TranscriptEvent.Handshake(from, packet, t, type));
          clientHello |= type == HandshakeType.CLIENT_HELLO;
          serverHello |= type == HandshakeType.SERVER_HELLO;
          serverCert |= type == HandshakeType.CERTIFICATE && from == Side.SERVER;
          request |= type == HandshakeType.CERTIFICATE_REQUEST;
          clientCertPresent |= type == HandshakeType.CERTIFICATE && from == Side.CLIENT;
        }
      }
    }
    Optional<ClientHello> ch = clientHello
        ? Optional.of(new ClientHello(0x0303, version == 0x0304 ? List.of(0x0304, 0x0303) : List.of(), List.of(0xc02f, 0x1301), sni, List.of(), false))
        : Optional.empty();
    Optional<ServerHello> sh = serverHello
        ? Optional.of(new ServerHello(Math.min(version, 0x0303), version == 0x0304 ? Optional.of(0x0304) : Optional.empty(), 0xc02f, false))
        : Optional.empty();
    Optional<CertificateMessage> cert = serverCert ? Optional.of(new CertificateMessage(serverChain)) : Optional.empty();
    Optional<CertificateRequest> req = request ? Optional.of(new CertificateRequest(List.of(1), List.of(0x0401), caNames)) : Optional.empty();
    Optional<CertificateMessage> clientCert = clientCertPresent
        ? Optional.of(new CertificateMessage(clientCertEmpty ? List.of() : clientChain))
        : Optional.empty();
    return new HandshakeTranscript(events, ch, sh, cert, req, clientCert);
  }

  private static HandshakeType byLabel(String label) {
    for (HandshakeType t : HandshakeType.values()) {
      if (t.label().equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no handshake message " + label);
  }
}
