package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bytes reach a writer as the text they encode, however the writes cut the characters. */
class WriterOutputStreamTest {

  @Test
  void multiByteCharactersCutAtEveryPlace_decodedWhole() throws Exception {
    String text = "Zürich → 東京 😀 ".repeat(2000); // longer than the decoding buffer
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    for (int step : new int[] {1, 2, 3, 5, 7, 8191, 100_000}) {
      StringWriter w = new StringWriter();
      WriterOutputStream s = new WriterOutputStream(w);
      for (int i = 0; i < utf8.length; i += step) {
        s.write(utf8, i, Math.min(step, utf8.length - i));
      }
      s.flush();
      assertEquals(text, w.toString(), "writes of " + step + " bytes");
    }
  }
}
