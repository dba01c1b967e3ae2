package org.tlsprobe.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextFormatTest {
  @Test
  void fillsStringsAndNumbersLikeStringFormat() {
    String template = "The %s sent %d bytes (%d%%) at packet %d: %s";
    Object[] args = {"server", 1234567, 50L, 7, null};
    assertEquals(String.format(Locale.ROOT, template, args), TextFormat.format(template, args));
    assertEquals("no conversions", TextFormat.format("no conversions"));
    assertEquals("%", TextFormat.format("%%"));
  }

  @Test
  void digitsStayAsciiWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    try {
      Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG-u-nu-arab"));
      assertEquals("packet 42", TextFormat.format("packet %d", 42));
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
  }

  @Test
  void refusesWhatItDoesNotImplement() {
    assertThrows(IllegalArgumentException.class, () -> TextFormat.format("%02x", 5));
    assertThrows(IllegalArgumentException.class, () -> TextFormat.format("%s and %s", "one"));
    assertThrows(IllegalArgumentException.class, () -> TextFormat.format("%s", "one", "two"));
    assertThrows(IllegalArgumentException.class, () -> TextFormat.format("ends with %", "x"));
  }
}
