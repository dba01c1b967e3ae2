package org.tlsprobe.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** When validity is judged and how far ahead an expiry is worth a warning: {@code --at}, {@code --warn-days}. */
public final class ValidityOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
      description = "Judge validity as of this time (ISO-8601, e.g. 2026-03-01T12:00:00Z or 2026-03-01). Default: now.")
  Instant at;

  private int warnDays = 30;

  @Option(names = "--warn-days", paramLabel = "DAYS", description = "Warn when a certificate expires within this many days (default 30).")
  void warnDays(int days) {
    if (days < 0) {
      throw new ParameterException(mixee.commandLine(), "Invalid value for option '--warn-days': '" + days + "' is negative; give 0 or more days");
    }
    this.warnDays = days;
  }

  /** The instant given with --at, if any (a capture may prefer its packet time otherwise). */
  public Optional<Instant> at() {
    return Optional.ofNullable(at);
  }

  /** The instant given with --at, else the clock's now. */
  public Instant atOr(Clock clock) {
    return at != null ? at : clock.instant();
  }

  public int warnDays() {
    return warnDays;
  }
}
