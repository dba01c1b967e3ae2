package org.tlsprobe.pki;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM blocks in a text: any number, CRLF or LF, any text before, between and after them. */
final class Pem {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 #_-]{1,64})-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

  record Block(String label, byte[] der, String problem) {}

  private Pem() {}

  static boolean looksLikePem(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
  }

  static List<Block> blocks(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String body = m.group(2);
      // RFC 1421 headers (Proc-Type, DEK-Info) of legacy encrypted keys: the base64 starts after the blank line.
      int headerEnd = body.indexOf(':') >= 0 && body.contains("\n\n") ? body.indexOf("\n\n") + 2
          : body.indexOf(':') >= 0 && body.contains("\r\n\r\n") ? body.indexOf("\r\n\r\n") + 4 : 0;
      try {
        out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body.substring(headerEnd).trim()), null));
      } catch (IllegalArgumentException e) {
        out.add(new Block(m.group(1), new byte[0], "its base64 is damaged (" + e.getMessage() + ")"));
      }
    }
    return out;
  }
}
