package org.tlsprobe.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tlsprobe.model.Role;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --role server|mtls|edge-external|federation|pic}; a bad value names the valid ones. */
final class RoleConverter implements ITypeConverter<Role> {
  static String valid() {
    return Arrays.stream(Role.values()).map(Role::label).collect(Collectors.joining(", "));
  }

  @Override
  public Role convert(String value) {
    return Role.of(value.trim()).orElseThrow(() -> new TypeConversionException("'" + value + "' is not a role; valid: " + valid()));
  }
}
