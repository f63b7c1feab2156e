package io.omnigraph.storage;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Directory walks of {@link LocalObjectStore}: listing keys and pruning emptied directories. */
final class LocalTree {
  private final Path root;

  LocalTree(Path root) {
    this.root = root;
  }

  /** Keys (relative, '/'-separated) of the regular, non-reserved files under {@code dir}. */
  List<String> keysUnder(Path dir) throws IOException {
    List<String> keys = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return keys;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !LocalFiles.isReserved(file)) {
              keys.add(keyOf(file));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE; // deleted while we walked
            }
            throw e;
          }
        });
    return keys;
  }

  /**
   * Removes the directories under {@code dir} (inclusive, never the root) whose whole contents
   * match {@code prefix}: their leftover lock and temp files, then the directory once empty.
   */
  void pruneDirectories(Path dir, String prefix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (!d.equals(root) && (keyOf(d) + "/").startsWith(prefix)) {
              removeDirectory(d);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  String keyOf(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static void removeDirectory(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        if (LocalFiles.isReserved(entry) && Files.isRegularFile(entry)) {
          LocalFiles.deleteQuietly(entry);
        }
      }
    }
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      // Something else lives here (a key that did not match, or a concurrent writer): keep it.
    }
  }
}
