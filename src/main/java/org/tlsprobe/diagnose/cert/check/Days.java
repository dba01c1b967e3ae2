package org.tlsprobe.diagnose.cert.check;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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

  /** Calendar days (UTC) from one instant's day to the other's: like the dates the messages show. */
  static long between(Instant from, Instant to) {
    return ChronoUnit.DAYS.between(LocalDate.ofInstant(from, ZoneOffset.UTC), LocalDate.ofInstant(to, ZoneOffset.UTC));
  }

  static String count(long days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
