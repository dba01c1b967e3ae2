package org.tlsprobe.diagnose.cert.check;

import java.time.Duration;
import java.time.Instant;

/** Dates and day counts as messages show them. */
final class Days {
  private Days() {}

  static String date(Instant t) {
    return t.toString();
  }

  static long between(Instant from, Instant to) {
    return Duration.between(from, to).toDays();
  }

  static String count(long days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
