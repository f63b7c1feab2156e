package io.omnigraph.cli.served;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.config.ScopeConfig;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The credentials file {@code <operator home>/credentials} (08 §5): INI-like {@code [<server
 * name>]} sections each holding {@code token = <value>}. Created mode 0600; a group- or
 * world-readable file is refused. Tokens never appear in {@code config.yaml}.
 */
public final class Credentials {
  /** The fallback token for any server ({@code OMNIGRAPH_BEARER_TOKEN}). */
  public static final String BEARER_ENV = "OMNIGRAPH_BEARER_TOKEN";

  private final Path file;

  private Credentials(Path file) {
    this.file = file;
  }

  public static Credentials of(Map<String, String> env) {
    return new Credentials(OperatorConfig.home(env).resolve("credentials"));
  }

  public Path file() {
    return file;
  }

  /** {@code OMNIGRAPH_TOKEN_<NAME>}: upper case, {@code -} → {@code _}. */
  public static String envName(String server) {
    return "OMNIGRAPH_TOKEN_" + server.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /**
   * The bearer token for a request to {@code server} (null = a URL that matches no configured
   * server): {@code OMNIGRAPH_TOKEN_<NAME>}, then {@code [<name>]} of the credentials file, then
   * {@code OMNIGRAPH_BEARER_TOKEN}. An unmatched URL only ever gets the last one, so a keyed token
   * is never sent to another server.
   */
  public String tokenFor(ScopeConfig.Server server, Map<String, String> env) {
    if (server != null) {
      String keyed = env.get(envName(server.name()));
      if (keyed != null && !keyed.isBlank()) {
        return keyed.trim();
      }
      String stored = read().get(server.name());
      if (stored != null) {
        return stored;
      }
    }
    String any = env.get(BEARER_ENV);
    return any == null || any.isBlank() ? null : any.trim();
  }

  /** Section name → token; an absent file is empty. */
  public Map<String, String> read() {
    String text;
    try {
      refuseOpenPermissions();
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new CliException("cannot read credentials " + file + ": " + e.getMessage());
    }
    return parse(text);
  }

  private Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String section = null;
    int n = 0;
    for (String raw : text.split("\n", -1)) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1).strip();
        continue;
      }
      int eq = line.indexOf('=');
      if (section == null || eq < 0 || !line.substring(0, eq).strip().equals("token")) {
        throw new CliException(
            "credentials " + file + " line " + n + ": expected [<server>] or token = <value>");
      }
      out.put(section, line.substring(eq + 1).strip());
    }
    return out;
  }

  private void refuseOpenPermissions() throws IOException {
    if (!Files.exists(file) || !posix()) {
      return;
    }
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
    for (PosixFilePermission bad :
        Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE)) {
      if (p.contains(bad)) {
        throw new CliException(
            "credentials "
                + file
                + " is readable or writable by group/others ("
                + PosixFilePermissions.toString(p)
                + "); run chmod 600 "
                + file);
      }
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Stores (or replaces) the token of {@code server}. */
  public void store(String server, String token) {
    Map<String, String> all = new LinkedHashMap<>(read());
    all.put(server, token);
    write(all);
  }

  /** Removes the token of {@code server}; returns whether one was there (idempotent). */
  public boolean remove(String server) {
    Map<String, String> all = new LinkedHashMap<>(read());
    boolean had = all.remove(server) != null;
    if (had) {
      write(all);
    }
    return had;
  }

  private void write(Map<String, String> all) {
    StringBuilder sb = new StringBuilder("# omnigraph credentials (omnigraph login/logout)\n");
    all.forEach((k, v) -> sb.append('[').append(k).append("]\ntoken = ").append(v).append('\n'));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(".credentials.tmp");
      Files.deleteIfExists(tmp);
      if (posix()) {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(tmp, sb.toString());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException("cannot write credentials " + file + ": " + e.getMessage());
    }
  }
}
