package org.tlsprobe.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsDHGroupVerifier;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsDHGroupVerifier;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The client side of one probe handshake: offers exactly what {@link Offer} says, accepts any server chain
 * (the judge decides about trust, not the probe), and presents the client credential when asked.
 */
final class ProbeTlsClient extends DefaultTlsClient {
  private final BcTlsCrypto crypto;
  private final Offer offer;
  private final String sni;
  private final ClientCredential credential;
  private final HandshakeEvents events;

  ProbeTlsClient(BcTlsCrypto crypto, Offer offer, String sni, ClientCredential credential, HandshakeEvents events) {
    super(crypto);
    this.crypto = crypto;
    this.offer = offer;
    this.sni = sni;
    this.credential = credential;
    this.events = events;
  }

  @Override
  public ProtocolVersion[] getProtocolVersions() {
    return offer.versions();
  }

  @Override
  public int[] getCipherSuites() {
    return offer.suites();
  }

  @Override
  protected Vector<ServerName> getSNIServerNames() {
    if (sni == null) {
      return null;
    }
    Vector<ServerName> names = new Vector<>();
    names.add(new ServerName(NameType.host_name, sni.getBytes(StandardCharsets.US_ASCII)));
    return names;
  }

  /** Old servers use 1024-bit (or smaller) DH groups; the probe records them instead of refusing. */
  @Override
  public TlsDHGroupVerifier getDHGroupVerifier() {
    return new DefaultTlsDHGroupVerifier(512);
  }

  /** An MD5- or SHA-1-signed chain is a finding, not a reason for the probe to abort. */
  @Override
  public boolean shouldCheckSigAlgOfPeerCerts() {
    return false;
  }

  @Override
  public void notifyServerVersion(ProtocolVersion version) throws IOException {
    super.notifyServerVersion(version);
    events.serverVersion(version);
  }

  @Override
  public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
    events.alertRaised(level, description, message, cause);
  }

  @Override
  public void notifyAlertReceived(short level, short description) {
    events.alertReceived(level, description);
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    events.handshakeComplete();
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
        List<byte[]> der = new ArrayList<>();
        for (TlsCertificate c : serverCertificate.getCertificate().getCertificateList()) {
          der.add(c.getEncoded());
        }
        events.serverCertificate(der);
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
        events.certificateRequested(request);
        return credential == null ? null : signer(request);
      }
    };
  }

  private TlsCredentials signer(CertificateRequest request) throws IOException {
    AsymmetricKeyParameter key = PrivateKeyFactory.createKey(credential.key().getEncoded());
    TlsCertificate[] chain = new TlsCertificate[credential.chain().size()];
    for (int i = 0; i < chain.length; i++) {
      try {
        chain[i] = crypto.createCertificate(credential.chain().get(i).getEncoded());
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new TlsFatalAlert(AlertDescription.internal_error, e);
      }
    }
    boolean v13 = TlsUtils.isTLSv13(context);
    Certificate certificate;
    if (v13) {
      CertificateEntry[] entries = new CertificateEntry[chain.length];
      for (int i = 0; i < chain.length; i++) {
        entries[i] = new CertificateEntry(chain[i], null);
      }
      certificate = new Certificate(request.getCertificateRequestContext(), entries);
    } else {
      certificate = new Certificate(chain);
    }
    SignatureAndHashAlgorithm alg = TlsUtils.isTLSv12(context) ? chooseSignature(request, v13) : null;
    return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key, certificate, alg);
  }

  /** The first of the server's signature schemes our key can make (TLS 1.3: PSS for RSA, curve-bound ECDSA). */
  private SignatureAndHashAlgorithm chooseSignature(CertificateRequest request, boolean v13) throws IOException {
    Vector<?> offered = request.getSupportedSignatureAlgorithms();
    List<Integer> ours = ourSchemes(v13);
    if (offered != null) {
      for (Object o : offered) {
        int scheme = SignatureScheme.from((SignatureAndHashAlgorithm) o);
        if (ours.contains(scheme)) {
          return (SignatureAndHashAlgorithm) o;
        }
      }
    }
    if (v13) {
      throw new TlsFatalAlert(AlertDescription.handshake_failure,
          "the server's CertificateRequest allows no signature scheme our client key can make");
    }
    return SignatureScheme.getSignatureAndHashAlgorithm(ours.get(0));
  }

  private List<Integer> ourSchemes(boolean v13) {
    if (credential.key() instanceof RSAKey) {
      return v13
          ? List.of(SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pss_rsae_sha384, SignatureScheme.rsa_pss_rsae_sha512)
          : List.of(SignatureScheme.rsa_pkcs1_sha256, SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pkcs1_sha384,
              SignatureScheme.rsa_pkcs1_sha512, SignatureScheme.rsa_pss_rsae_sha384, SignatureScheme.rsa_pkcs1_sha1);
    }
    if (credential.key() instanceof ECKey) {
      int bits = ((ECKey) credential.key()).getParams().getOrder().bitLength();
      int bound = bits <= 256 ? SignatureScheme.ecdsa_secp256r1_sha256
          : bits <= 384 ? SignatureScheme.ecdsa_secp384r1_sha384 : SignatureScheme.ecdsa_secp521r1_sha512;
      return v13 ? List.of(bound)
          : List.of(bound, SignatureScheme.ecdsa_secp256r1_sha256, SignatureScheme.ecdsa_secp384r1_sha384,
              SignatureScheme.ecdsa_secp521r1_sha512, SignatureScheme.ecdsa_sha1);
    }
    return List.of();
  }
}
