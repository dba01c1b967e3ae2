package org.tlsprobe.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsprobe.model.Role;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the rules judge against: {@code --role}, {@code --name}, and the {@link ValidityOptions}. */
public final class CheckOptions {
  @Option(names = "--role", paramLabel = "ROLE", converter = RoleConverter.class,
      description = "Which rules apply: server (default), mtls, edge-external, federation, pic.")
  Role role = Role.SERVER;

  @Option(names = "--name", paramLabel = "NAME",
      description = "A name the certificate must cover (pool FQDN, server FQDN, SIP domain). Repeatable.")
  List<String> names = new ArrayList<>();

  @Mixin ValidityOptions validity;

  public Role role() {
    return role;
  }

  public List<String> names() {
    return List.copyOf(names);
  }

  /** The instant given with --at, if any (a capture may prefer its packet time otherwise). */
  public Optional<Instant> at() {
    return validity.at();
  }

  /** The instant given with --at, else the clock's now. */
  public Instant atOr(Clock clock) {
    return validity.atOr(clock);
  }

  public int warnDays() {
    return validity.warnDays();
  }
}
