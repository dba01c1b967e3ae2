package org.tlsprobe.tls.wire;

import java.util.ArrayList;
import java.util.List;
import org.tlsprobe.tls.TlsVersion;

/**
 * A CertificateRequest: the certificate types (TLS 1.2 and earlier), the signature algorithms, and the
 * acceptable CA names as DER-encoded X.500 names (certificate_authorities in TLS 1.3).
 */
public record CertificateRequest(List<Integer> certificateTypes, List<Integer> signatureAlgorithms, List<byte[]> certificateAuthorities) {
  public CertificateRequest {
    certificateTypes = List.copyOf(certificateTypes);
    signatureAlgorithms = List.copyOf(signatureAlgorithms);
    certificateAuthorities = List.copyOf(certificateAuthorities);
  }

  /** Bytes the CA names take on the wire (each with its two-byte length), as Schannel limits them. */
  public int certificateAuthoritiesSize() {
    return certificateAuthorities.stream().mapToInt(n -> n.length + 2).sum();
  }

  /**
   * Parses a CertificateRequest body in the form of {@code version}: TLS 1.3 (context and
   * extensions), TLS 1.2 (types, signature algorithms, CA names), SSLv3 to TLS 1.1 (types, CA names).
   * An unknown version is read as TLS 1.2, falling back to the older form when that does not fit.
   */
  public static CertificateRequest parse(ByteReader r, TlsVersion version) {
    switch (version) {
      case TLSv1_3:
        return parseTls13(r);
      case TLSv1_2:
        return parseTls12(r);
      case SSLv3:
      case TLSv1_0:
      case TLSv1_1:
        return parseTls10(r);
      default:
        return parse(r);
    }
  }

  /**
   * Parses without knowing the version: the TLS 1.2 form if the bytes fit it exactly, else the TLS 1.0
   * form, else the TLS 1.3 form; the error reported is the TLS 1.0 form's.
   */
  public static CertificateRequest parse(ByteReader r) {
    ByteReader attempt = r.fork();
    try {
      CertificateRequest request = parseTls12(attempt);
      r.skip(r.remaining(), "CertificateRequest");
      return request;
    } catch (TlsParseException e) {
      // not the TLS 1.2 form
    }
    ByteReader tls13 = r.fork();
    try {
      return parseTls10(r);
    } catch (TlsParseException e) {
      try {
        return parseTls13(tls13);
      } catch (TlsParseException e13) {
        throw e;
      }
    }
  }

  public static CertificateRequest parseTls12(ByteReader r) {
    List<Integer> types = certificateTypes(r);
    ByteReader algs = r.slice16("supported_signature_algorithms");
    List<Integer> sigAlgs = new ArrayList<>();
    while (algs.hasRemaining()) {
      sigAlgs.add(algs.u16("signature_algorithm"));
    }
    List<byte[]> cas = distinguishedNames(r.slice16("certificate_authorities"));
    r.expectEnd();
    return new CertificateRequest(types, sigAlgs, cas);
  }

  public static CertificateRequest parseTls10(ByteReader r) {
    List<Integer> types = certificateTypes(r);
    List<byte[]> cas = distinguishedNames(r.slice16("certificate_authorities"));
    r.expectEnd();
    return new CertificateRequest(types, List.of(), cas);
  }

  public static CertificateRequest parseTls13(ByteReader r) {
    r.slice8("certificate_request_context");
    ByteReader exts = r.slice16("extensions");
    List<Integer> sigAlgs = new ArrayList<>();
    List<byte[]> cas = new ArrayList<>();
    while (exts.hasRemaining()) {
      int type = exts.u16("extension_type");
      ByteReader ext = exts.slice16("extension_data");
      if (type == Extensions.SIGNATURE_ALGORITHMS) {
        ByteReader algs = ext.slice16("supported_signature_algorithms");
        while (algs.hasRemaining()) {
          sigAlgs.add(algs.u16("signature_algorithm"));
        }
      } else if (type == Extensions.CERTIFICATE_AUTHORITIES) {
        cas.addAll(distinguishedNames(ext.slice16("authorities")));
      }
    }
    r.expectEnd();
    return new CertificateRequest(List.of(), sigAlgs, cas);
  }

  private static List<Integer> certificateTypes(ByteReader r) {
    ByteReader typesReader = r.slice8("certificate_types");
    List<Integer> types = new ArrayList<>();
    while (typesReader.hasRemaining()) {
      types.add(typesReader.u8("certificate_type"));
    }
    return types;
  }

  private static List<byte[]> distinguishedNames(ByteReader list) {
    List<byte[]> names = new ArrayList<>();
    while (list.hasRemaining()) {
      names.add(list.slice16("DistinguishedName").rest());
    }
    return names;
  }
}
