package org.tlsprobe.tls.wire;

import java.util.ArrayList;
import java.util.List;
import org.tlsprobe.tls.TlsVersion;

/** A Certificate message: the DER certificates as sent, leaf first; empty when the sender had none. */
public record CertificateMessage(List<byte[]> certificates) {
  public CertificateMessage {
    certificates = List.copyOf(certificates);
  }

  public boolean isEmpty() {
    return certificates.isEmpty();
  }

  /** Parses a Certificate body in the TLS 1.2-and-earlier form: a list of DER certificates. */
  public static CertificateMessage parse(ByteReader r) {
    return parse(r, ByteReader.Keeper.COPY);
  }

  /** As {@link #parse(ByteReader)}, each certificate's bytes kept by {@code keeper}. */
  public static CertificateMessage parse(ByteReader r, ByteReader.Keeper keeper) {
    ByteReader list = r.slice24("certificate_list");
    List<byte[]> certs = new ArrayList<>();
    while (list.hasRemaining()) {
      certs.add(list.slice24("ASN.1Cert").rest(keeper));
    }
    r.expectEnd();
    return new CertificateMessage(certs);
  }

  /**
   * Parses a Certificate body in the form {@code version} uses (TLS 1.3: context and per-entry
   * extensions). With an UNKNOWN version (no ServerHello seen yet) the older form is tried first, then
   * the TLS 1.3 one; the error reported is the older form's.
   */
  public static CertificateMessage parse(ByteReader r, TlsVersion version) {
    return parse(r, version, ByteReader.Keeper.COPY);
  }

  /** As {@link #parse(ByteReader, TlsVersion)}, each certificate's bytes kept by {@code keeper}. */
  public static CertificateMessage parse(ByteReader r, TlsVersion version, ByteReader.Keeper keeper) {
    if (version == TlsVersion.TLSv1_3) {
      return parseTls13(r, keeper);
    }
    if (version != TlsVersion.UNKNOWN) {
      return parse(r, keeper);
    }
    ByteReader attempt = r.fork();
    try {
      CertificateMessage m = parse(attempt, keeper);
      r.skip(r.remaining(), "Certificate");
      return m;
    } catch (TlsParseException e) {
      try {
        CertificateMessage m = parseTls13(r.fork(), keeper);
        r.skip(r.remaining(), "Certificate");
        return m;
      } catch (TlsParseException e13) {
        throw e;
      }
    }
  }

  /** The TLS 1.3 form: certificate_request_context, then entries of certificate data and extensions. */
  public static CertificateMessage parseTls13(ByteReader r) {
    return parseTls13(r, ByteReader.Keeper.COPY);
  }

  /** As {@link #parseTls13(ByteReader)}, each certificate's bytes kept by {@code keeper}. */
  public static CertificateMessage parseTls13(ByteReader r, ByteReader.Keeper keeper) {
    r.slice8("certificate_request_context");
    ByteReader list = r.slice24("certificate_list");
    List<byte[]> certs = new ArrayList<>();
    while (list.hasRemaining()) {
      certs.add(list.slice24("cert_data").rest(keeper));
      list.slice16("extensions");
    }
    r.expectEnd();
    return new CertificateMessage(certs);
  }
}
