package org.tlsprobe.diagnose.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class SystemRootsTest {
  @Test
  void theLazyListHoldsTheJdksRootsSortedBySubject() throws Exception {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    X509Certificate[] jdk = ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();

    List<X509Certificate> roots = TrustAnchors.system().roots();
    assertEquals(Set.of(jdk), new HashSet<>(roots));
    assertEquals(jdk.length, roots.size());
    for (int i = 1; i < roots.size(); i++) {
      assertTrue(roots.get(i - 1).getSubjectX500Principal().getName().compareTo(roots.get(i).getSubjectX500Principal().getName()) <= 0);
    }
  }

  @Test
  void trustAnchorsKeepTheSystemListItselfSoPathBuildingCanIndexIt() {
    TrustAnchors system = TrustAnchors.system(List.of());
    assertSame(SystemRoots.certificates(), system.roots());
    assertTrue(SystemRoots.isSystemList(system.roots()));
    // a list with the same roots is the user's own, copied and scanned as given
    TrustAnchors copy = TrustAnchors.of(List.copyOf(system.roots()), List.of());
    assertFalse(SystemRoots.isSystemList(copy.roots()));
    assertEquals(system.roots(), copy.roots());
  }
}
