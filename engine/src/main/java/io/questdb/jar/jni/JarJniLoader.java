package io.questdb.jar.jni;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Our stand-in for the loader Lance's {@code org.lance.JniLoader} calls (the {@code
 * org.questdb:jar-jni} artifact is excluded from the build). The original copies the ~160 MB JNI
 * library out of the jar into a fresh temp file on every JVM start (~1 s); this one extracts it
 * once into a cache folder keyed by the jar's path, size and modification time, and afterwards only
 * {@code System.load}s the cached copy (~40 ms).
 *
 * <p>Cache folder: system property {@code omnigraph.native.cache}, else env {@code
 * OMNIGRAPH_NATIVE_CACHE}, else {@code $XDG_CACHE_HOME/omnigraph/native}, else {@code
 * ~/.cache/omnigraph/native}. When it cannot be written the library is extracted to a temp file as
 * before. A library that is a plain file on the class path (not inside a jar) loads in place.
 */
public interface JarJniLoader {
  /** Loads {@code name} from {@code <jarPathPrefix>/<platform>/<mapLibraryName(name)>}. */
  static <T> void loadLib(Class<T> cls, String jarPathPrefix, String name) {
    loadLib(cls, jarPathPrefix, name, platformDir());
  }

  /** Like {@link #loadLib(Class, String, String)} with an explicit platform folder name. */
  static <T> void loadLib(Class<T> cls, String jarPathPrefix, String name, String platform) {
    String prefix = jarPathPrefix.endsWith("/") ? jarPathPrefix : jarPathPrefix + "/";
    String resource = prefix + platform + "/" + System.mapLibraryName(name);
    URL url = cls.getResource(resource);
    if (url == null) {
      throw new UnsatisfiedLinkError(
          "cannot find " + resource + " next to " + cls.getName() + " (unsupported platform?)");
    }
    try {
      if ("file".equals(url.getProtocol())) {
        System.load(new File(url.toURI()).getAbsolutePath());
        return;
      }
      System.load(NativeCache.extract(url, resource).toString());
    } catch (IOException | java.net.URISyntaxException e) {
      throw new UncheckedIOException(
          "cannot unpack the native library " + resource,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** {@code linux-x86-64}, {@code linux-aarch64}, {@code darwin-aarch64}, … */
  static String platformDir() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String o =
        os.contains("mac") || os.contains("darwin")
            ? "darwin"
            : os.contains("win") ? "windows" : "linux";
    String a =
        switch (arch) {
          case "amd64", "x86_64" -> "x86-64";
          case "aarch64", "arm64" -> "aarch64";
          default -> arch;
        };
    return o + "-" + a;
  }

  /** The extraction cache. */
  final class NativeCache {
    private NativeCache() {}

    static Path extract(URL url, String resource) throws IOException {
      URLConnection c = url.openConnection();
      c.setUseCaches(false);
      long size = c.getContentLengthLong();
      String key = key(c, url, size);
      Path dir = cacheDir();
      if (dir != null) {
        try {
          Path lib = dir.resolve(key).resolve(Path.of(resource).getFileName().toString());
          if (Files.isRegularFile(lib) && (size < 0 || Files.size(lib) == size)) {
            return lib;
          }
          Files.createDirectories(lib.getParent());
          Path tmp = Files.createTempFile(lib.getParent(), ".extract-", ".tmp");
          try (InputStream in = c.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
          } finally {
            Files.deleteIfExists(tmp);
          }
          return lib;
        } catch (IOException | SecurityException e) {
          // fall through to a private temp copy
        }
      }
      String file = Path.of(resource).getFileName().toString();
      int dot = file.indexOf('.');
      File tmp =
          File.createTempFile(
              dot > 0 ? file.substring(0, dot) : file, dot > 0 ? file.substring(dot) : null);
      tmp.deleteOnExit();
      try (InputStream in = url.openStream()) {
        Files.copy(in, tmp.toPath(), StandardCopyOption.REPLACE_EXISTING);
      }
      return tmp.toPath();
    }

    private static String key(URLConnection c, URL url, long size) {
      String jar = url.toString();
      long modified = 0;
      if (c instanceof JarURLConnection j) {
        URL jarUrl = j.getJarFileURL();
        jar = jarUrl.toString();
        if ("file".equals(jarUrl.getProtocol())) {
          File f = new File(jarUrl.getPath());
          modified = f.lastModified() ^ (f.length() << 1);
        }
      }
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update((jar + "\n" + size + "\n" + modified).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest(), 0, 10);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Path cacheDir() {
      String p = System.getProperty("omnigraph.native.cache");
      if (p == null || p.isBlank()) {
        p = System.getenv("OMNIGRAPH_NATIVE_CACHE");
      }
      if (p != null && !p.isBlank()) {
        return Path.of(p);
      }
      String xdg = System.getenv("XDG_CACHE_HOME");
      if (xdg != null && !xdg.isBlank()) {
        return Path.of(xdg, "omnigraph", "native");
      }
      String home = System.getProperty("user.home");
      return home == null || home.isBlank() ? null : Path.of(home, ".cache", "omnigraph", "native");
    }
  }
}
