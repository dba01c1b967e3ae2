package org.tlsprobe.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The real captures tests run over: ../shared/captures-public and the project's captures/. */
public final class CaptureFiles {
  /** ../shared/captures-public beside the clone (CI); from a worktree deeper down, the nearest ancestor's shared/. */
  public static final Path PUBLIC = findShared();
  public static final Path OURS = Path.of("captures");

  private CaptureFiles() {}

  public static List<Path> all() {
    return Stream.of(PUBLIC, OURS).filter(Files::isDirectory).flatMap(CaptureFiles::under).sorted().collect(Collectors.toList());
  }

  public static Path publicFile(String name) {
    return PUBLIC.resolve(name);
  }

  private static Path findShared() {
    Path dir = Path.of("").toAbsolutePath().getParent();
    while (dir != null) {
      Path candidate = dir.resolve("shared/captures-public");
      if (Files.isDirectory(candidate)) {
        return Path.of("").toAbsolutePath().relativize(candidate);
      }
      dir = dir.getParent();
    }
    return Path.of("../shared/captures-public");
  }

  private static Stream<Path> under(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).collect(Collectors.toList()).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
