package org.tlsprobe.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ladder's hand-made clock reads exactly as the formatter it replaced, before 1970 too. */
class AnalyzeTextRendererTest {
  private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @Test
  void clock_sameAsDateTimeFormatter() {
    Random r = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      Instant t = Instant.ofEpochSecond(r.nextLong() % 4_000_000_000L, r.nextInt(1_000_000_000));
      assertEquals(REFERENCE.format(t), AnalyzeTextRenderer.clock(t), t.toString());
    }
    assertEquals("23:59:59.999", AnalyzeTextRenderer.clock(Instant.parse("1969-12-31T23:59:59.999999999Z")));
    assertEquals("00:00:00.000", AnalyzeTextRenderer.clock(Instant.EPOCH));
  }
}
