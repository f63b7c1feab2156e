package io.questdb.jar.jni;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JNI library cache: extracted once per jar state, then reused. */
class JarJniLoaderTest {
  @TempDir Path dir;

  @Test
  void extractsOnceIntoTheCacheAndReusesTheCopy() throws Exception {
    Path jar = dir.resolve("lib.jar");
    byte[] body = "not really a library".getBytes();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("nativelib/linux-x86-64/libfoo.so"));
      out.write(body);
      out.closeEntry();
    }
    Path cache = dir.resolve("cache");
    String before = System.getProperty("omnigraph.native.cache");
    System.setProperty("omnigraph.native.cache", cache.toString());
    try {
      String resource = "/nativelib/linux-x86-64/libfoo.so";
      URL url = new URL("jar:" + jar.toUri() + "!" + resource);
      Path first = JarJniLoader.NativeCache.extract(url, resource);
      assertThat(first).startsWith(cache).hasFileName("libfoo.so");
      assertThat(Files.readAllBytes(first)).isEqualTo(body);
      Files.setLastModifiedTime(first, FileTime.fromMillis(1_000));
      Path second = JarJniLoader.NativeCache.extract(url, resource);
      assertThat(second).isEqualTo(first);
      assertThat(Files.getLastModifiedTime(second).toMillis()).isEqualTo(1_000);
      // a truncated copy (a crash mid-copy without the atomic move) is replaced
      try (OutputStream o = Files.newOutputStream(first)) {
        o.write(1);
      }
      assertThat(Files.readAllBytes(JarJniLoader.NativeCache.extract(url, resource)))
          .isEqualTo(body);
    } finally {
      if (before == null) {
        System.clearProperty("omnigraph.native.cache");
      } else {
        System.setProperty("omnigraph.native.cache", before);
      }
    }
  }

  @Test
  void namesThePlatformFolderLanceShips() {
    assertThat(JarJniLoader.platformDir()).matches("(linux|darwin|windows)-[a-z0-9-]+");
  }
}
