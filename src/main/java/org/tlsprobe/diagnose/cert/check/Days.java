package org.tlsprobe.diagnose.cert.check;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Dates and day counts as messages show them. */
final class Days {
  private Days() {}

  static String date(Instant t) {
    return t.toString();
  }

  /**
   * The evaluation instant as a day ({@code 2026-06-01}, UTC): messages that name it then read the same for
   * every flow of a capture's day, so a repeated chain's findings are rendered once.
   */
  static String day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
  }

  static long between(Instant from, Instant to) {
    return Duration.between(from, to).toDays();
  }

  static String count(long days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
