package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PKCS#12 passwords come from an environment variable, which only a real process can be given: these tests
 * start tlsprobe's Main in a child JVM with the test class path.
 */
class CertCommandProcessTest {
  record Result(int exit, String out, String err) {}

  static Result tlsprobe(String passwordVar, String password, String... args) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "org.tlsprobe.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put(passwordVar, password);
    Process p = pb.start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("tlsprobe did not finish in 60 s");
      }
      return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
          new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void pkcs12WithPasswordFromEnvironment_readsTheKeysChain() throws Exception {
    Result r = tlsprobe("P12_PASS", "tlsprobe-test", "cert", CertCommandTest.f("server.p12"), "--password-env", "P12_PASS",
        "--trust", CertCommandTest.f("root-ca.pem"), "--name", "sip.example.test", "--role", "mtls", "--at", CertCommandTest.AT);
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("(PKCS#12, 2 certificates): PASS"), r.out());
    assertTrue(r.out().contains("[0] CN=sip.example.test"), r.out());
  }

  @Test
  void trustFromPasswordProtectedPkcs12Store_keytoolOrOpensslNokeys() throws Exception {
    for (String store : List.of("trust.p12", "trust-nokeys.p12")) {
      Result r = tlsprobe("STORE_PASS", "changeit", "cert", CertCommandTest.f("server-chain.pem"), "--password-env", "STORE_PASS",
          "--trust", CertCommandTest.f(store), "--at", CertCommandTest.AT);
      assertEquals(0, r.exit(), store + ": " + r.out() + r.err());
    }
  }

  @Test
  void pkcs12WithWrongPassword_exit3() throws Exception {
    Result r = tlsprobe("P12_PASS", "not-the-password", "cert", CertCommandTest.f("server.p12"), "--password-env", "P12_PASS");
    assertEquals(3, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("wrong password for this PKCS#12 file"), r.err());
  }
}
