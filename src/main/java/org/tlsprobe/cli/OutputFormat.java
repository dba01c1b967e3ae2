package org.tlsprobe.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format}: how a report is written. */
public enum OutputFormat {
  TEXT,
  JSON,
  /** One self-contained page (style inline, no script), for a person to open in a browser or attach to a ticket. */
  HTML;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return Arrays.stream(values()).filter(f -> f.label().equalsIgnoreCase(value.trim())).findFirst()
          .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a format; valid: "
              + Arrays.stream(values()).map(OutputFormat::label).collect(Collectors.joining(", "))));
    }
  }
}
