package org.tlsprobe.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Reads certificates from a file whatever its format: PEM (any number of blocks, CRLF or LF, text around
 * them), DER, .cer in either encoding, PKCS#7 (.p7b, DER or PEM), PKCS#12 and JKS. A file that holds no
 * certificate is refused with what it holds instead ("a private key, not a certificate").
 */
public final class CertificateFiles {
  /** Larger than any certificate file or trust store; bigger files are refused without reading them. */
  static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final int JKS_MAGIC = 0xFEEDFEED;
  private static final int JCEKS_MAGIC = 0xCECECECE;

  private CertificateFiles() {}

  /** Reads one file. */
  public static CertificateFile read(Path path, PasswordSource passwords) throws CertificateFileException {
    if (!Files.exists(path)) {
      throw new CertificateFileException(path + ": no such file");
    }
    if (Files.isDirectory(path)) {
      throw new CertificateFileException(path + ": is a folder, not a certificate file");
    }
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new CertificateFileException(path + ": " + size + " bytes is too large for a certificate file (at most " + MAX_BYTES + ")");
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new CertificateFileException(path + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return parse(path, bytes, passwords);
  }

  /** Reads a file, or every file in a folder (not recursing), for --trust and --intermediates. */
  public static TrustSource readTrust(Path fileOrFolder, PasswordSource passwords) throws CertificateFileException {
    if (!Files.isDirectory(fileOrFolder)) {
      return new TrustSource(read(fileOrFolder, passwords).certificates(), List.of());
    }
    List<X509Certificate> certs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(fileOrFolder)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new CertificateFileException(fileOrFolder + ": cannot list the folder (" + e.getMessage() + ")", e);
    }
    for (Path f : files) {
      try {
        certs.addAll(read(f, passwords).certificates());
      } catch (CertificateFileException e) {
        skipped.add(e.getMessage());
      }
    }
    if (certs.isEmpty()) {
      throw new CertificateFileException(fileOrFolder + ": no certificate in this folder"
          + (skipped.isEmpty() ? " (it is empty)" : " (" + String.join("; ", skipped) + ")"));
    }
    return new TrustSource(certs, skipped);
  }

  /** Certificates from a --trust or --intermediates argument, and the files of a folder that were skipped. */
  public record TrustSource(List<X509Certificate> certificates, List<String> skipped) {}

  static CertificateFile parse(Path path, byte[] raw, PasswordSource passwords) throws CertificateFileException {
    byte[] bytes = utf16ToAscii(raw);
    if (isBlank(bytes)) {
      throw new CertificateFileException(path + ": an empty file, not a certificate");
    }
    int magic = bytes.length >= 4 ? ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff) : 0;
    if (magic == JKS_MAGIC || magic == JCEKS_MAGIC) {
      return new CertificateFile(path, "JKS", KeyStores.readJks(path, bytes, magic == JKS_MAGIC ? "JKS" : "JCEKS"), List.of());
    }
    if (Pem.looksLikePem(bytes)) {
      return fromPem(path, bytes, passwords);
    }
    ASN1Primitive first = DerKind.firstObject(bytes);
    if (first == null) {
      throw new CertificateFileException(path + ": not a certificate file (starts with " + preview(bytes) + ")");
    }
    return fromDer(path, bytes, first, "DER", passwords);
  }

  private static CertificateFile fromPem(Path path, byte[] bytes, PasswordSource passwords) throws CertificateFileException {
    List<X509Certificate> certs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> nonCertificates = new LinkedHashSet<>();
    boolean pkcs7 = false;
    List<Pem.Block> blocks = Pem.blocks(bytes);
    if (blocks.isEmpty()) {
      throw new CertificateFileException(path + ": a PEM header without a complete block (no matching -----END line)");
    }
    for (int i = 0; i < blocks.size(); i++) {
      Pem.Block b = blocks.get(i);
      String where = "PEM block " + (i + 1) + " (" + b.label() + ")";
      if (b.problem() != null) {
        notes.add(where + ": " + b.problem());
        continue;
      }
      switch (b.label()) {
        case "CERTIFICATE":
        case "X509 CERTIFICATE":
        case "TRUSTED CERTIFICATE":
          try {
            certs.add(certificate(b.der()));
          } catch (CertificateFileException e) {
            notes.add(where + ": " + e.getMessage());
          }
          break;
        case "PKCS7":
        case "PKCS #7 SIGNED DATA":
        case "CMS":
          pkcs7 = true;
          certs.addAll(pkcs7(path, b.der()));
          break;
        default:
          nonCertificates.add(describeLabel(b.label()));
          break;
      }
    }
    if (certs.isEmpty()) {
      String found = nonCertificates.isEmpty() ? String.join("; ", notes) : String.join(" and ", nonCertificates);
      throw new CertificateFileException(path + ": " + found);
    }
    for (String other : nonCertificates) {
      notes.add("also holds " + other.replace(", not a certificate", "") + " (ignored)");
    }
    return new CertificateFile(path, pkcs7 ? "PKCS#7 (PEM)" : "PEM", certs, notes);
  }

  private static String describeLabel(String label) {
    if (label.endsWith("PRIVATE KEY")) {
      return label.startsWith("ENCRYPTED") ? DerKind.ENCRYPTED_PRIVATE_KEY.description : DerKind.PRIVATE_KEY.description;
    }
    switch (label) {
      case "CERTIFICATE REQUEST":
      case "NEW CERTIFICATE REQUEST":
        return DerKind.CSR.description;
      case "X509 CRL":
        return DerKind.CRL.description;
      case "PUBLIC KEY":
      case "RSA PUBLIC KEY":
        return DerKind.PUBLIC_KEY.description;
      default:
        return "a PEM block of type " + label + ", not a certificate";
    }
  }

  private static CertificateFile fromDer(Path path, byte[] bytes, ASN1Primitive first, String encoding, PasswordSource passwords)
      throws CertificateFileException {
    DerKind kind = DerKind.of(first);
    switch (kind) {
      case CERTIFICATE:
        return new CertificateFile(path, encoding, concatenatedCertificates(path, bytes), List.of());
      case PKCS7_SIGNED_DATA:
        return new CertificateFile(path, "PKCS#7 (DER)", pkcs7(path, bytes), List.of());
      case PKCS12:
        return KeyStores.readPkcs12(path, bytes, passwords);
      default:
        throw new CertificateFileException(path + ": " + kind.description);
    }
  }

  /** One DER certificate, or several written one after the other. */
  private static List<X509Certificate> concatenatedCertificates(Path path, byte[] bytes) throws CertificateFileException {
    try {
      Collection<? extends Certificate> all = factory().generateCertificates(new ByteArrayInputStream(bytes));
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : all) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new CertificateFileException(path + ": a DER certificate that cannot be decoded");
      }
      return out;
    } catch (CertificateException | RuntimeException e) {
      throw new CertificateFileException(path + ": " + firstUndecodable(bytes, e), e);
    }
  }

  /** Which of the DER certificates written one after the other does not decode, and why. */
  private static String firstUndecodable(byte[] bytes, Exception refusal) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    for (int i = 0; in.available() > 0; i++) {
      int start = bytes.length - in.available();
      try {
        factory().generateCertificate(in); // reads exactly one DER certificate
      } catch (CertificateException | RuntimeException e) {
        byte[] rest = Arrays.copyOfRange(bytes, start, bytes.length);
        return UndecodableCertificate.sentence(i == 0 ? "the DER certificate" : "DER certificate " + (i + 1), rest, e);
      }
    }
    return UndecodableCertificate.sentence("the DER certificate", bytes, refusal);
  }

  private static List<X509Certificate> pkcs7(Path path, byte[] der) throws CertificateFileException {
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : factory().generateCertificates(new ByteArrayInputStream(der))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new CertificateFileException(path + ": a PKCS#7 file with no certificates in it");
      }
      return out;
    } catch (CertificateException | RuntimeException e) {
      throw new CertificateFileException(path + ": a PKCS#7 file whose certificates cannot be read (" + e.getMessage() + ")", e);
    }
  }

  static X509Certificate certificate(byte[] der) throws CertificateFileException {
    ASN1Primitive first = DerKind.firstObject(der);
    if (first == null || DerKind.of(first) != DerKind.CERTIFICATE) {
      throw new CertificateFileException("not a DER certificate inside");
    }
    try {
      // Only the first object: "TRUSTED CERTIFICATE" blocks carry OpenSSL trust settings after it.
      return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(first.getEncoded()));
    } catch (CertificateException | IOException | RuntimeException e) {
      throw new CertificateFileException(UndecodableCertificate.sentence("the certificate", der, e), e);
    }
  }

  static CertificateFactory factory() throws CertificateException {
    return CertificateFactory.getInstance("X.509");
  }

  /** Notepad's "Unicode" saves PEM as UTF-16 with a byte order mark; read it as the ASCII it is. */
  private static byte[] utf16ToAscii(byte[] b) {
    if (b.length >= 2 && ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe || (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)) {
      java.nio.charset.Charset cs = (b[0] & 0xff) == 0xff ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      return new String(b, 2, b.length - 2, cs).getBytes(StandardCharsets.ISO_8859_1);
    }
    return b;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != 0) {
        return false;
      }
    }
    return true;
  }

  /** The first bytes as text when they are printable, else as hex: enough to recognize an HTML page or a zip. */
  static String preview(byte[] bytes) {
    int n = Math.min(bytes.length, 16);
    boolean printable = true;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' || b > 0x7e) {
        printable = false;
      }
    }
    if (printable) {
      return '"' + new String(bytes, 0, n, StandardCharsets.US_ASCII).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
          + (bytes.length > n ? "..." : "") + '"';
    }
    StringBuilder sb = new StringBuilder("bytes");
    for (int i = 0; i < n; i++) {
      sb.append(String.format(" %02x", bytes[i] & 0xff));
    }
    return sb.toString();
  }
}
