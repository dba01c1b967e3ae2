package org.tlsprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/tlsprobe, run as a user runs it: from a folder holding it and tlsprobe.jar (here a jar whose manifest
 * points at the test class path, as the shaded jar is only built after the tests), it passes the arguments
 * and the exit code through, and TLSPROBE_JAVA_OPTS replaces its JVM options.
 */
class LauncherScriptTest {

  @Test
  void launcherBesideTheJar_runsTlsprobeWithItsArgumentsAndExitCode(@TempDir Path dir) throws Exception {
    Path launcher = launcherBesideJar(dir);

    String expired = CertCommandTest.f("expired-chain.pem");
    Result r = run(launcher, Map.of(), "cert", expired, "--at", CertCommandTest.AT);
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("FAIL"), r.out());
    assertEquals("", r.err());

    Result usage = run(launcher, Map.of("TLSPROBE_JAVA_OPTS", "-Xmx64m"), "cert", "--format", "xml", expired);
    assertEquals(2, usage.exit(), usage.out() + usage.err());
    assertTrue(usage.err().contains("xml"), usage.err());
  }

  @Test
  void launcher_prefersTheJavaInJavaHome(@TempDir Path dir) throws Exception {
    Path launcher = launcherBesideJar(dir);
    // a JDK whose java notes that it ran, then runs the real one
    Path javaHome = dir.resolve("jdk");
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    Path marker = dir.resolve("java-home-used");
    Files.writeString(java, "#!/bin/sh\ntouch '" + marker + "'\nexec '"
        + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
    java.toFile().setExecutable(true);

    Result r = run(launcher, Map.of("JAVA_HOME", javaHome.toString(), "TLSPROBE_JAVA_OPTS", "-Xmx64m"), "--version");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("tlsprobe "), r.out());
    assertTrue(Files.exists(marker), "the launcher ran the java on PATH, not $JAVA_HOME/bin/java");

    Files.delete(marker);
    Result noJdkThere = run(launcher, Map.of("JAVA_HOME", dir.resolve("no-such-jdk").toString(), "TLSPROBE_JAVA_OPTS", "-Xmx64m"), "--version");
    assertEquals(0, noJdkThere.exit(), "a JAVA_HOME without bin/java falls back to the java on PATH: " + noJdkThere.err());
  }

  @Test
  void launcherWithoutAJar_saysHowToBuildIt(@TempDir Path dir) throws Exception {
    assumeTrue(new File("/bin/sh").canExecute(), "needs a POSIX shell");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path launcher = bin.resolve("tlsprobe");
    Files.copy(Path.of("bin", "tlsprobe"), launcher);
    launcher.toFile().setExecutable(true);
    Result r = run(launcher, Map.of(), "cert", "x.pem");
    assertEquals(3, r.exit());
    assertTrue(r.err().contains("mvn -B -q package -DskipTests"), r.err());
  }

  /** bin/tlsprobe copied into {@code dir} beside a tlsprobe.jar, as a user unpacks them. */
  private static Path launcherBesideJar(Path dir) throws Exception {
    assumeTrue(new File("/bin/sh").canExecute(), "needs a POSIX shell");
    Path launcher = dir.resolve("tlsprobe");
    Files.copy(Path.of("bin", "tlsprobe"), launcher);
    launcher.toFile().setExecutable(true);
    writeLauncherJar(dir.resolve("tlsprobe.jar"));
    return launcher;
  }

  record Result(int exit, String out, String err) {}

  private static Result run(Path launcher, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
    Process p = pb.start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("the launcher did not finish in 60 s");
      }
      return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
          new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  /** A jar with no classes of its own: its manifest names Main and puts the test class path behind it. */
  private static void writeLauncherJar(Path jar) throws Exception {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.tlsprobe.Main");
    StringBuilder cp = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      cp.append(new File(entry).toURI()).append(' ');
    }
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString().trim());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
      // the manifest is all
    }
  }
}
