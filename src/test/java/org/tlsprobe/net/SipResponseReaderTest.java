package org.tlsprobe.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsprobe.model.SipAnswer;

class SipResponseReaderTest {
  private static final String LYNC_403 = "SIP/2.0 403 Forbidden\r\n"
      + "Via: SIP/2.0/TLS 127.0.0.1:5555;branch=z9hG4bKabc;rport=5555\r\n"
      + "From: <sip:tlsprobe@contoso.com>;tag=1\r\n"
      + "To: <sip:fabrikam.com>;tag=99\r\n"
      + "i: abc@tlsprobe\r\n"
      + "CSeq: 1 OPTIONS\r\n"
      + "ms-diagnostics: 1034;reason=\"Previous hop federated peer did not report diagnostic information\";\r\n"
      + "  Domain=\"contoso.com\"\r\n"
      + "Server: RTC/6.0\r\n"
      + "l: 0\r\n\r\n";

  @Test
  void responseInSmallPieces_isReadWhole() {
    SipResponseReader reader = new SipResponseReader("abc@tlsprobe");
    byte[] bytes = LYNC_403.getBytes(StandardCharsets.UTF_8);
    Optional<SipMessage> got = Optional.empty();
    for (int i = 0; i < bytes.length; i += 7) {
      got = reader.offer(bytes, i, Math.min(7, bytes.length - i));
      if (i + 7 < bytes.length) {
        assertFalse(got.isPresent(), "complete too early at " + i);
      }
    }
    SipAnswer answer = got.orElseThrow().toAnswer(12);
    assertEquals(403, answer.status());
    assertEquals("Forbidden", answer.reason());
    assertEquals("RTC/6.0", answer.server());
    assertTrue(answer.msDiagnostics().startsWith("1034;reason="), answer.msDiagnostics());
    assertTrue(answer.msDiagnostics().endsWith("Domain=\"contoso.com\""), "folded line joined: " + answer.msDiagnostics());
  }

  @Test
  void provisionalThenFinal_givesFinal() {
    SipResponseReader reader = new SipResponseReader("abc@tlsprobe");
    String trying = "SIP/2.0 100 Trying\r\nCall-ID: abc@tlsprobe\r\nContent-Length: 0\r\n\r\n";
    assertFalse(reader.offer(("\r\n\r\n" + trying).getBytes(StandardCharsets.UTF_8)).isPresent());
    assertEquals(100, reader.lastProvisional().orElseThrow().status());
    String ok = "SIP/2.0 200 OK\r\nCall-ID: abc@tlsprobe\r\nUser-Agent: FreeSWITCH\r\nContent-Type: application/sdp\r\nContent-Length: 4\r\n\r\nv=0\n";
    Optional<SipMessage> got = reader.offer(ok.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, got.orElseThrow().status());
    assertEquals("FreeSWITCH", got.get().toAnswer(0).userAgent());
  }

  @Test
  void serverRequestAndOtherCallId_areReadOver() {
    SipResponseReader reader = new SipResponseReader("abc@tlsprobe");
    String theirs = "OPTIONS sip:us SIP/2.0\r\nCall-ID: theirs\r\nContent-Length: 3\r\n\r\nabc"
        + "SIP/2.0 200 OK\r\nCall-ID: someone-else\r\nContent-Length: 0\r\n\r\n"
        + "SIP/2.0 488 Not Acceptable Here\r\nCall-ID: abc@tlsprobe\r\nContent-Length: 0\r\n\r\n";
    Optional<SipMessage> got = reader.offer(theirs.getBytes(StandardCharsets.UTF_8));
    assertEquals(488, got.orElseThrow().status());
    assertEquals(3, reader.seen().size());
  }

  @Test
  void httpAnswer_isNotSip() {
    SipResponseReader reader = new SipResponseReader("abc");
    reader.offer("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(reader.done());
    assertTrue(reader.problem().contains("not SIP"), reader.problem());
  }

  @Test
  void binaryAnswer_isNotSip_beforeAnyLineEnd() {
    SipResponseReader reader = new SipResponseReader("abc");
    reader.offer(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28, 0, 0, 0});
    assertTrue(reader.done());
    assertTrue(reader.problem().contains("not SIP"), reader.problem());
  }

  @Test
  void endlessHeader_isBounded() {
    SipResponseReader reader = new SipResponseReader("abc");
    reader.offer("SIP/2.0 200 OK\r\nX: ".getBytes(StandardCharsets.US_ASCII));
    byte[] filler = new byte[8192];
    java.util.Arrays.fill(filler, (byte) 'a');
    for (int i = 0; i < 10 && !reader.done(); i++) {
      reader.offer(filler);
    }
    assertTrue(reader.done());
    assertTrue(reader.problem().contains("exceeds"), reader.problem());
  }

  @Test
  void everyPrefix_isIncompleteNeverAnError() {
    byte[] bytes = LYNC_403.getBytes(StandardCharsets.UTF_8);
    for (int n = 0; n < bytes.length; n++) {
      SipResponseReader reader = new SipResponseReader("abc@tlsprobe");
      reader.offer(bytes, 0, n);
      assertFalse(reader.done(), "prefix " + n + ": " + reader.problem());
    }
  }
}
