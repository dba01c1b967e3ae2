package org.tlsprobe.cli;

import java.util.Locale;
import org.tlsprobe.diagnose.cert.Purpose;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --purpose server|client}. */
final class PurposeConverter implements ITypeConverter<Purpose> {
  @Override
  public Purpose convert(String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "server": return Purpose.SERVER;
      case "client": return Purpose.CLIENT;
      case "ca": return Purpose.CA;
      default: throw new TypeConversionException("'" + value + "' is not a purpose; valid: server, client, ca");
    }
  }
}
