package org.tlsprobe.diagnose.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.Finding;
import org.tlsprobe.testing.MiniPki;

class ClientCaAcceptedCheckTest {
  private static final MiniPki.Issued OUR_ROOT = MiniPki.cert("Contoso Root").ca().issue();
  private static final MiniPki.Issued OUR_CA = MiniPki.cert("Contoso Issuing CA").ca().issuedBy(OUR_ROOT).issue();
  private static final MiniPki.Issued EDGE = MiniPki.cert("edge.contoso.test").issuedBy(OUR_CA).clientAuth().issue();
  private static final MiniPki.Issued THEIR_ROOT = MiniPki.cert("Fabrikam Root").ca().issue();

  private static byte[] dn(MiniPki.Issued ca) {
    return ca.cert().getSubjectX500Principal().getEncoded();
  }

  @Test
  void ourRootListed_passes() {
    assertEquals(List.of(), ClientCaAcceptedCheck.judge(List.of(EDGE.cert(), OUR_CA.cert()), Optional.of(List.of(dn(THEIR_ROOT), dn(OUR_ROOT)))));
  }

  @Test
  void ourIssuingCaListed_passes_evenWithoutTheIntermediateInHand() {
    assertEquals(List.of(), ClientCaAcceptedCheck.judge(List.of(EDGE.cert()), Optional.of(List.of(dn(OUR_CA)))));
  }

  @Test
  void onlyForeignCasListed_isClientCaNotAccepted() {
    List<Finding> got = ClientCaAcceptedCheck.judge(List.of(EDGE.cert(), OUR_CA.cert()), Optional.of(List.of(dn(THEIR_ROOT))));
    assertEquals(1, got.size());
    assertEquals("CLIENT_CA_NOT_ACCEPTED", got.get(0).code());
    assertTrue(got.get(0).message().contains("Fabrikam Root"), got.get(0).message());
    assertTrue(got.get(0).message().contains("Contoso Root"), got.get(0).message());
  }

  @Test
  void emptyListOrNoRequest_isNotApplicable() {
    assertEquals(List.of(), ClientCaAcceptedCheck.judge(List.of(EDGE.cert()), Optional.of(List.of())));
    assertEquals(List.of(), ClientCaAcceptedCheck.judge(List.of(EDGE.cert()), Optional.empty()));
    assertEquals(List.of(), ClientCaAcceptedCheck.judge(List.of(), Optional.of(List.of(dn(THEIR_ROOT)))));
  }
}
