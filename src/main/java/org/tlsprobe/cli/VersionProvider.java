package org.tlsprobe.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by the build), or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
  static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-dev";
  }

  @Override
  public String[] getVersion() {
    return new String[] {"tlsprobe " + version(), "Java " + System.getProperty("java.version")};
  }
}
