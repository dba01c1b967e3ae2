package org.tlsprobe.cli;

import java.io.Console;
import org.tlsprobe.pki.PasswordSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where passwords for PKCS#12 files come from: {@code --password-env VAR}, else a prompt on the terminal with
 * echo off. Never from an argument, which other users could read in the process list.
 */
public final class PasswordOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "Read the PKCS#12 password from this environment variable (else you are asked on the terminal).")
  String passwordEnv;

  /** Asked only when a file needs a password; null when there is neither a variable nor a terminal. */
  public PasswordSource passwords() {
    return what -> {
      if (passwordEnv != null) {
        String v = System.getenv(passwordEnv);
        if (v == null) {
          throw new ParameterException(mixee.commandLine(),
              "Invalid value for option '--password-env': the environment variable '" + passwordEnv + "' is not set");
        }
        return v.toCharArray();
      }
      Console console = System.console();
      return console == null ? null : console.readPassword("Password for %s: ", what);
    };
  }
}
