package org.tlsprobe.tls.transcript;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.tlsprobe.tls.HandshakeType;
import org.tlsprobe.tls.Side;
import org.tlsprobe.tls.TlsVersion;
import org.tlsprobe.tls.wire.ByteReader;
import org.tlsprobe.tls.wire.CertificateMessage;
import org.tlsprobe.tls.wire.CertificateRequest;
import org.tlsprobe.tls.wire.ClientHello;
import org.tlsprobe.tls.wire.HandshakeAssembler;
import org.tlsprobe.tls.wire.RecordStream;
import org.tlsprobe.tls.wire.ServerHello;
import org.tlsprobe.tls.wire.TlsParseException;
import org.tlsprobe.tls.wire.TlsRecord;

/**
 * Turns what one connection showed (raw TLS bytes of both directions in any split, decrypted messages
 * and alerts from a live probe, TCP closes and holes) into a {@link HandshakeTranscript}: events in
 * arrival order, plus the messages the judge reads whole. One per connection; not thread-safe.
 *
 * <p>What can be read is read: plaintext handshake messages by type; after a side's ChangeCipherSpec
 * (TLS 1.2 and earlier) its handshake records are {@link HandshakeType#ENCRYPTED} and its alerts
 * unreadable (level and description -1). When the ServerHello picks TLS 1.3, the encrypted flight is
 * application data and a ChangeCipherSpec is only the middlebox-compatibility one. Bad bytes become a
 * {@link TranscriptEvent.ProtocolViolation}; no input makes this class throw. Memory per connection is
 * bounded: application data is counted, never kept.
 */
public final class TranscriptBuilder {
  /**
   * Application-data records recorded as events per direction; later ones are only counted. Enough for
   * any verdict (the judge reads the first records after the handshake), and memory stays bounded on a
   * connection that runs for hours.
   */
  public static final int MAX_APPLICATION_DATA_EVENTS = 256;
  /** Events of any kind kept per connection; later ones are counted (TCP closes get a little extra room). */
  public static final int MAX_EVENTS = 4096;

  private final List<TranscriptEvent> events = new ArrayList<>();
  private long droppedEvents;
  private final Direction client = new Direction(Side.CLIENT);
  private final Direction server = new Direction(Side.SERVER);

  private ClientHello clientHello;
  private ServerHello serverHello;
  private CertificateMessage serverCertificate;
  private CertificateRequest certificateRequest;
  private CertificateMessage clientCertificate;
  /** The version the ServerHello (or HelloRetryRequest) chose; UNKNOWN before. */
  private TlsVersion version = TlsVersion.UNKNOWN;

  /** How the certificates of Certificate messages are kept (shared among a capture's connections). */
  private final ByteReader.Keeper certificateBytes;

  public TranscriptBuilder() {
    this(ByteReader.Keeper.COPY);
  }

  /** With the certificates' bytes kept by {@code certificateBytes} (a {@link org.tlsprobe.tls.wire.SharedBytes} of the thread). */
  public TranscriptBuilder(ByteReader.Keeper certificateBytes) {
    this.certificateBytes = certificateBytes;
  }

  private Direction direction(Side side) {
    return side == Side.CLIENT ? client : server;
  }

  /** Raw TLS stream bytes of one direction, in any split; records and messages are rebuilt inside. */
  public void bytes(Side from, byte[] data, int offset, int length, long packet, Instant time) {
    if (length <= 0) {
      return;
    }
    if (offset < 0 || offset > data.length - length) {
      throw new IllegalArgumentException("window " + offset + "+" + length + " outside " + data.length + " bytes");
    }
    direction(from).bytes(data, offset, length, packet, time);
  }

  /** A handshake message that was already decrypted (the live probe, TLS 1.3). */
  public void handshakeMessage(Side from, int type, byte[] body, long packet, Instant time) {
    direction(from).message(type, body, 0, body.length, packet, time);
  }

  /** An alert the probe decrypted or saw through Bouncy Castle. */
  public void alert(Side from, int level, int description, long packet, Instant time) {
    add(new TranscriptEvent.Alert(from, packet, time, level, description));
  }

  /** A FIN ({@code reset} false) or RST from {@code from}, or, live, the peer closing the connection. */
  public void close(Side from, boolean reset, long packet, Instant time) {
    add(new TranscriptEvent.Close(from, packet, time, reset));
  }

  /** A TCP hole in one direction: {@code missingBytes} never arrived. */
  public void gap(Side from, long missingBytes, long packet, Instant time) {
    add(new TranscriptEvent.Gap(from, packet, time, missingBytes));
    direction(from).gap(missingBytes, packet, time);
  }

  /** Whether either direction has shown a plausible TLS record (or SSLv2 hello) so far. */
  public boolean looksLikeTls() {
    return direction(Side.CLIENT).stream.looksLikeTls() || direction(Side.SERVER).stream.looksLikeTls();
  }

  /** Whether {@code side} has shown TLS so far. */
  public boolean looksLikeTls(Side side) {
    return direction(side).stream.looksLikeTls();
  }

  /** The transcript so far; the builder can go on afterwards. */
  public HandshakeTranscript build() {
    List<TranscriptEvent> out = new ArrayList<>(events);
    // A direction that answered a TLS peer with bytes that never became TLS: say so where they came.
    List<Direction> silent = new ArrayList<>();
    for (Direction d : List.of(client, server)) {
      if (d.nonTlsIndex >= 0 && !d.stream.looksLikeTls() && direction(d.side.other()).stream.looksLikeTls()) {
        silent.add(d);
      }
    }
    silent.sort((a, b) -> Integer.compare(b.nonTlsIndex, a.nonTlsIndex));
    for (Direction d : silent) {
      out.add(Math.min(d.nonTlsIndex, out.size()), new TranscriptEvent.ProtocolViolation(d.side, d.nonTlsPacket,
          d.nonTlsTime, d.side.label() + " answered TLS with " + d.nonTlsBytes + " bytes that are not TLS: "
          + d.nonTlsSample()));
    }
    return new HandshakeTranscript(out, Optional.ofNullable(clientHello), Optional.ofNullable(serverHello),
        Optional.ofNullable(serverCertificate), Optional.ofNullable(certificateRequest),
        Optional.ofNullable(clientCertificate));
  }

  /** The version the server chose, as far as seen (UNKNOWN before a ServerHello). */
  public TlsVersion version() {
    return version;
  }

  private void violation(Side from, String message, long packet, Instant time) {
    add(new TranscriptEvent.ProtocolViolation(from, packet, time, message));
  }

  private void add(TranscriptEvent e) {
    if (events.size() < MAX_EVENTS || (e instanceof TranscriptEvent.Close && events.size() < MAX_EVENTS + 64)) {
      events.add(e);
    } else {
      droppedEvents++;
    }
  }

  /** Events not recorded because of the caps (application data beyond the first records, floods). */
  public long droppedEvents() {
    return droppedEvents;
  }

  /** Application-data records seen from {@code side}, recorded or not. */
  public long applicationDataRecords(Side side) {
    return direction(side).applicationDataRecords;
  }

  /** Application-data bytes (record payloads) seen from {@code side}. */
  public long applicationDataBytes(Side side) {
    return direction(side).applicationDataBytes;
  }

  private boolean tls13() {
    return version == TlsVersion.TLSv1_3;
  }

  /** A ChangeCipherSpec that does not switch on encryption: TLS 1.3's middlebox-compatibility one. */
  private boolean compatibilityChangeCipherSpec() {
    if (serverHello != null) {
      return tls13();
    }
    return clientHello != null && offersTls13(clientHello);
  }

  private static boolean offersTls13(ClientHello hello) {
    for (int v : hello.supportedVersions()) {
      if (TlsVersion.of(v) == TlsVersion.TLSv1_3) {
        return true;
      }
    }
    return TlsVersion.of(hello.legacyVersion()) == TlsVersion.TLSv1_3;
  }

  /** Everything kept for one direction of the connection. */
  private final class Direction implements RecordStream.Listener, HandshakeAssembler.Listener, IntPredicate {
    private static final int SAMPLE = 16;

    final Side side;
    final RecordStream stream = new RecordStream(this);
    // itself the assembler's keep-predicate: a bound method reference, two per flow, costs a JNI call in C1 code
    final HandshakeAssembler assembler = new HandshakeAssembler(this, this);
    boolean encrypted;
    long applicationDataRecords;
    long applicationDataBytes;
    int sslv2Records;
    boolean sslv2Keyed;

    // bytes sent after the peer's TLS started while this side showed none (kept for a violation note)
    int nonTlsIndex = -1;
    long nonTlsPacket;
    Instant nonTlsTime;
    long nonTlsBytes;
    final byte[] sample = new byte[SAMPLE];
    int sampleLength;

    // the packet and time of the record being processed, for the assembler's callbacks
    long packet;
    Instant time;

    Direction(Side side) {
      this.side = side;
    }

    void bytes(byte[] data, int offset, int length, long packet, Instant time) {
      if (!stream.looksLikeTls() && direction(side.other()).stream.looksLikeTls()) {
        if (nonTlsIndex < 0) {
          nonTlsIndex = events.size();
          nonTlsPacket = packet;
          nonTlsTime = time;
        }
        int n = Math.min(SAMPLE - sampleLength, length);
        System.arraycopy(data, offset, sample, sampleLength, n);
        sampleLength += n;
        nonTlsBytes += length;
      }
      stream.bytes(data, offset, length, packet, time);
    }

    private static final HexFormat HEX = HexFormat.of();

    String nonTlsSample() {
      StringBuilder hex = new StringBuilder();
      boolean printable = true;
      for (int i = 0; i < sampleLength; i++) {
        int b = sample[i] & 0xff;
        hex.append(i > 0 ? " " : "").append(HEX.toHexDigits((byte) b));
        printable &= (b >= 0x20 && b < 0x7f) || b == '\r' || b == '\n' || b == '\t';
      }
      if (printable) {
        String text = new String(sample, 0, sampleLength, java.nio.charset.StandardCharsets.US_ASCII)
            .replace("\r", "\\r").replace("\n", "\\n");
        return "\"" + text + "\"" + (nonTlsBytes > sampleLength ? "..." : "");
      }
      return hex + (nonTlsBytes > sampleLength ? " ..." : "");
    }

    void gap(long missing, long packet, Instant time) {
      if (!stream.gap(missing, packet, time)) {
        assembler.reset();
      }
    }

    /** Whether the assembler keeps a message of this type: the hellos, and the first Certificate and CertificateRequest. */
    @Override
    public boolean test(int type) {
      switch (type) {
        case 1:
        case 2:
          return true;
        case 11:
          return side == Side.SERVER ? serverCertificate == null : clientCertificate == null;
        case 13:
          return side == Side.SERVER && certificateRequest == null;
        default:
          return false;
      }
    }

    // ------------------------------------------------------------ records

    @Override
    public void record(TlsRecord record, long packet, Instant time) {
      this.packet = packet;
      this.time = time;
      switch (record.contentType()) {
        case TlsRecord.CHANGE_CIPHER_SPEC:
          add(new TranscriptEvent.ChangeCipherSpec(side, packet, time));
          if (!compatibilityChangeCipherSpec()) {
            encrypted = true;
            assembler.reset();
          }
          break;
        case TlsRecord.ALERT:
          alertRecord(record, packet, time);
          break;
        case TlsRecord.HANDSHAKE:
          if (encrypted) {
            add(new TranscriptEvent.Handshake(side, packet, time, HandshakeType.ENCRYPTED));
          } else if (!assembler.stopped()) {
            assembler.fragment(record.fragment(), record.offset(), record.length());
          }
          break;
        case TlsRecord.APPLICATION_DATA:
          applicationDataBytes += record.length();
          if (applicationDataRecords++ < MAX_APPLICATION_DATA_EVENTS) {
            add(new TranscriptEvent.ApplicationData(side, packet, time, record.length()));
          } else {
            droppedEvents++;
          }
          break;
        case TlsRecord.SSLV2:
          sslv2Record(record, packet, time);
          break;
        default: // heartbeat: nothing a handshake verdict needs
          break;
      }
    }

    private void alertRecord(TlsRecord record, long packet, Instant time) {
      byte[] f = record.fragment();
      int from = record.offset();
      int end = from + record.length();
      int n = record.length();
      if (encrypted || n % 2 != 0 || n == 0 || (n > 2 && !plaintextAlerts(f, from, end))) {
        add(new TranscriptEvent.Alert(side, packet, time, -1, -1));
        return;
      }
      for (int i = from; i < end; i += 2) {
        add(new TranscriptEvent.Alert(side, packet, time, f[i] & 0xff, f[i + 1] & 0xff));
      }
    }

    /** Several alerts in one record are legal; encrypted ones rarely look like a run of level 1/2 pairs. */
    private boolean plaintextAlerts(byte[] f, int from, int end) {
      for (int i = from; i < end; i += 2) {
        if (f[i] != 1 && f[i] != 2) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void violation(String message, long packet, Instant time) {
      TranscriptBuilder.this.violation(side, message, packet, time);
    }

    // ------------------------------------------------------------ handshake messages

    @Override
    public void message(int type, byte[] data, int offset, int length) {
      message(type, data, offset, length, packet, time);
    }

    @Override
    public void violation(String message) {
      TranscriptBuilder.this.violation(side, message, packet, time);
    }

    /** A message whose body is {@code data[offset, offset + length)} (null: not kept); the parsers copy what they keep. */
    void message(int type, byte[] data, int offset, int length, long packet, Instant time) {
      HandshakeType t = HandshakeType.of(type);
      try {
        switch (t) {
          case CLIENT_HELLO:
            add(new TranscriptEvent.Handshake(side, packet, time, t));
            ClientHello ch = ClientHello.parse(ByteReader.of(data, offset, length, "ClientHello"));
            if (clientHello == null) {
              clientHello = ch;
            }
            return;
          case SERVER_HELLO:
            serverHelloMessage(ByteReader.of(data, offset, length, "ServerHello"), packet, time);
            return;
          case CERTIFICATE:
            add(new TranscriptEvent.Handshake(side, packet, time, t));
            if (data != null) {
              CertificateMessage cm = CertificateMessage.parse(ByteReader.of(data, offset, length, "Certificate"), version, certificateBytes);
              if (side == Side.SERVER && serverCertificate == null) {
                serverCertificate = cm;
              } else if (side == Side.CLIENT && clientCertificate == null) {
                clientCertificate = cm;
              }
            }
            return;
          case CERTIFICATE_REQUEST:
            add(new TranscriptEvent.Handshake(side, packet, time, t));
            if (data != null && side == Side.SERVER && certificateRequest == null) {
              certificateRequest = CertificateRequest.parse(ByteReader.of(data, offset, length, "CertificateRequest"), version);
            }
            return;
          default:
            add(new TranscriptEvent.Handshake(side, packet, time, t));
        }
      } catch (TlsParseException e) {
        TranscriptBuilder.this.violation(side, e.getMessage(), packet, time);
      }
    }

    private void serverHelloMessage(ByteReader body, long packet, Instant time) {
      ServerHello sh;
      try {
        sh = ServerHello.parse(body);
      } catch (TlsParseException e) {
        add(new TranscriptEvent.Handshake(side, packet, time, HandshakeType.SERVER_HELLO));
        throw e;
      }
      add(new TranscriptEvent.Handshake(side, packet, time,
          sh.helloRetryRequest() ? HandshakeType.HELLO_RETRY_REQUEST : HandshakeType.SERVER_HELLO));
      if (serverHello == null || (serverHello.helloRetryRequest() && !sh.helloRetryRequest())) {
        serverHello = sh;
      }
      version = serverHello.version();
    }

    // ------------------------------------------------------------ SSLv2

    /** SSLv2 error codes as the TLS alerts that mean the same (RFC 6101 appendix E names them alike). */
    private int sslv2ErrorAsAlert(int code) {
      switch (code) {
        case 1: // NO-CIPHER-ERROR
          return 40;
        case 2: // NO-CERTIFICATE-ERROR
          return 41;
        case 4: // BAD-CERTIFICATE-ERROR
          return 42;
        case 6: // UNSUPPORTED-CERTIFICATE-TYPE-ERROR
          return 43;
        default:
          return 40;
      }
    }

    private void sslv2Record(TlsRecord record, long packet, Instant time) {
      byte[] f = record.payload(); // rare: a copy keeps the offsets below simple
      int index = sslv2Records++;
      int msgType = f.length > 0 ? f[0] & 0xff : -1;
      try {
        if (index == 0 && side == Side.CLIENT && msgType == 1) {
          ClientHello ch = ClientHello.parseSslv2(ByteReader.of(f, 1, f.length - 1, "SSLv2 ClientHello"));
          boolean pureSslv2 = ch.legacyVersion() == TlsVersion.SSLv2.code();
          add(new TranscriptEvent.Handshake(side, packet, time,
              pureSslv2 ? HandshakeType.SSL2_CLIENT_HELLO : HandshakeType.CLIENT_HELLO));
          if (clientHello == null) {
            clientHello = ch;
          }
          return;
        }
        if (index == 0 && side == Side.SERVER && msgType == 4) {
          ServerHello sh = ServerHello.parseSslv2(ByteReader.of(f, 1, f.length - 1, "SSLv2 ServerHello"));
          add(new TranscriptEvent.Handshake(side, packet, time, HandshakeType.SSL2_SERVER_HELLO));
          if (serverHello == null) {
            serverHello = sh;
            version = TlsVersion.SSLv2;
          }
          return;
        }
        if (msgType == 0 && f.length == 3) { // an SSLv2 ERROR (always plaintext; encrypted records carry a MAC)
          int code = ((f[1] & 0xff) << 8) | (f[2] & 0xff);
          add(new TranscriptEvent.Alert(side, packet, time, TranscriptEvent.Alert.FATAL, sslv2ErrorAsAlert(code)));
          return;
        }
        if (side == Side.CLIENT && !sslv2Keyed && msgType == 2) {
          sslv2Keyed = true;
          add(new TranscriptEvent.Handshake(side, packet, time, HandshakeType.SSL2_CLIENT_MASTER_KEY));
          return;
        }
        sslv2Keyed = true;
        add(new TranscriptEvent.Handshake(side, packet, time, HandshakeType.SSL2_ENCRYPTED));
      } catch (TlsParseException e) {
        TranscriptBuilder.this.violation(side, e.getMessage(), packet, time);
      }
    }
  }
}
