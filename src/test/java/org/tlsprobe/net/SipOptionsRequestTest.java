package org.tlsprobe.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SipOptionsRequestTest {
  @Test
  void request_hasEveryHeaderRfc3261Requires() {
    SipOptionsRequest r = SipOptionsRequest.to("partner.example", "contoso.com", "192.0.2.1:50123", new Random(1));
    String text = new String(r.bytes(), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("OPTIONS sip:partner.example;transport=tls SIP/2.0\r\n"), text);
    assertTrue(text.contains("\r\nVia: SIP/2.0/TLS 192.0.2.1:50123;branch=z9hG4bK"), text);
    assertTrue(text.contains("\r\nMax-Forwards: 70\r\n"), text);
    assertTrue(text.contains("\r\nFrom: <sip:tlsprobe@contoso.com>;tag=" + r.fromTag() + "\r\n"), text);
    assertTrue(text.contains("\r\nTo: <sip:partner.example>\r\n"), text);
    assertTrue(text.contains("\r\nCall-ID: " + r.callId() + "\r\n"), text);
    assertTrue(text.contains("\r\nCSeq: 1 OPTIONS\r\n"), text);
    assertTrue(text.contains("\r\nContact: <sip:tlsprobe@192.0.2.1:50123;transport=tls>\r\n"), text);
    assertTrue(text.endsWith("\r\nContent-Length: 0\r\n\r\n"), text);
  }

  @Test
  void twoRequests_haveFreshBranchTagAndCallId() {
    SipOptionsRequest a = SipOptionsRequest.to("x.example:5061", null, "127.0.0.1:1");
    SipOptionsRequest b = SipOptionsRequest.to("x.example:5061", null, "127.0.0.1:1");
    assertNotEquals(a.branch(), b.branch());
    assertNotEquals(a.fromTag(), b.fromTag());
    assertNotEquals(a.callId(), b.callId());
    assertEquals("sip:tlsprobe@tlsprobe.invalid", a.fromUri());
    assertTrue(a.branch().startsWith("z9hG4bK"));
  }
}
