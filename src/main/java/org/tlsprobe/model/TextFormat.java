package org.tlsprobe.model;

/**
 * {@link String#format} for the two conversions verdicts and reports use, {@code %s} and {@code %d} (and
 * {@code %%}), without a locale. Explanations are built for every failed flow of a capture; String.format
 * parses its pattern and looks up the locale's digits for every {@code %d}, and was 3% of {@code analyze}'s
 * time on a large capture. Digits here are always ASCII, whatever the default locale.
 */
public final class TextFormat {
  private TextFormat() {}

  /**
   * The template with each {@code %s} or {@code %d} replaced by the next argument ({@code String.valueOf}).
   *
   * @throws IllegalArgumentException for any other conversion, or a count of arguments that does not match
   */
  public static String format(String template, Object... args) {
    StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
    int next = 0;
    int from = 0;
    for (int p = template.indexOf('%'); p >= 0; p = template.indexOf('%', from)) {
      out.append(template, from, p);
      char c = p + 1 < template.length() ? template.charAt(p + 1) : 0;
      if (c == '%') {
        out.append('%');
      } else if (c == 's' || c == 'd') {
        if (next >= args.length) {
          throw new IllegalArgumentException("too few arguments for " + template);
        }
        out.append(args[next++]);
      } else {
        throw new IllegalArgumentException("only %s, %d and %% are supported: " + template);
      }
      from = p + 2;
    }
    if (next != args.length) {
      throw new IllegalArgumentException("too many arguments for " + template);
    }
    return out.append(template, from, template.length()).toString();
  }
}
