package io.omnigraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The release version (from the build) and the internal graph format version. */
public final class VersionInfo implements IVersionProvider {
  /**
   * The graph root format stamp checked on every open ({@code omnigraph:internal_schema_version}).
   */
  public static final int INTERNAL_SCHEMA_VERSION = 6;

  public static String version() {
    try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"omnigraph " + version(), "internal-schema " + INTERNAL_SCHEMA_VERSION};
  }
}
