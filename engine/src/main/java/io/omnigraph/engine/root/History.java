package io.omnigraph.engine.root;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commit history and snapshot resolution over the manifest log. Every manifest version carries the
 * one commit it published, so history is a walk down the versions; nothing else is stored.
 */
final class History {
  private static final Pattern VERSION = Pattern.compile("v?([0-9]{1,19})");
  private static final Pattern WITNESS =
      Pattern.compile("manifest:([^:]+):v([0-9]{1,19})(?::etag:.*)?");

  private final GraphStore store;

  History(GraphStore store) {
    this.store = store;
  }

  long latestVersion() {
    return store
        .latestManifestVersion()
        .orElseThrow(() -> new RootException(RootException.Kind.CORRUPT, "manifest vanished"));
  }

  /**
   * The commits reachable from the head of {@code branch} by first parents, newest first: walks the
   * manifest versions downward, taking the version whose commit is the one looked for next.
   */
  List<Commit> commits(String branch) {
    long latest = latestVersion();
    Manifest head = store.readManifest(latest);
    String want = head.branch(branch).headCommit();
    List<Commit> out = new ArrayList<>();
    for (long v = latest; v >= 1 && want != null; v--) {
      Optional<Manifest> m = v == latest ? Optional.of(head) : store.findManifest(v);
      if (m.isEmpty()) {
        break; // older versions were removed by cleanup: history starts here
      }
      Commit c = m.get().commit();
      if (c != null && want.equals(c.graphCommitId())) {
        out.add(c);
        want = c.parentCommitId();
      }
    }
    return out;
  }

  /** The commit with {@code id} (any branch), or empty. */
  Optional<Commit> find(String id) {
    long latest = latestVersion();
    for (long v = latest; v >= 1; v--) {
      Optional<Manifest> m = store.findManifest(v);
      if (m.isEmpty()) {
        break; // removed by cleanup
      }
      Commit c = m.get().commit();
      if (c != null && id.equals(c.graphCommitId())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  Commit commit(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new RootException(
                    RootException.Kind.COMMIT_NOT_FOUND,
                    "commit not found: "
                        + id
                        + " ("
                        + existing()
                        + "; list them with omnigraph commit list)"));
  }

  /** A resolved snapshot id: the manifest version and the branch to read there. */
  record Target(Manifest manifest, String branch) {}

  /**
   * Resolves {@code --snapshot <id>}: a commit ULID (its manifest version, its branch), a manifest
   * version number ({@code 3} or {@code v3}, read on {@code branch}) or a witness {@code
   * manifest:<branch>:v<N>[:etag:<e>]}.
   */
  Target resolve(String id, String branch) {
    String s = id.strip();
    Matcher w = WITNESS.matcher(s);
    if (w.matches()) {
      return new Target(version(Long.parseLong(w.group(2)), id), w.group(1));
    }
    Matcher m = VERSION.matcher(s);
    if (m.matches()) {
      return new Target(version(Long.parseLong(m.group(1)), id), branch);
    }
    Commit c =
        find(s)
            .orElseThrow(
                () ->
                    new RootException(
                        RootException.Kind.SNAPSHOT_NOT_FOUND,
                        "snapshot not found: '"
                            + id
                            + "' is neither a commit id nor a manifest version of this graph ("
                            + existing()
                            + "; list commits with omnigraph commit list)"));
    return new Target(store.readManifest(c.graphManifestVersion()), c.graphBranch());
  }

  private Manifest version(long v, String id) {
    long oldest = store.oldestManifestVersion().orElse(1L);
    if (v >= 1 && v < oldest) {
      throw new RootException(
          RootException.Kind.SNAPSHOT_NOT_FOUND,
          "snapshot not found: manifest version "
              + v
              + " (from '"
              + id
              + "') was removed by cleanup; the oldest kept version is "
              + oldest
              + " (newest "
              + latestVersion()
              + ")");
    }
    if (!store.manifestExists(v)) {
      throw new RootException(
          RootException.Kind.SNAPSHOT_NOT_FOUND,
          "snapshot not found: manifest version "
              + v
              + " does not exist (from '"
              + id
              + "'; "
              + existing()
              + ")");
    }
    return store.readManifest(v);
  }

  /** "manifest versions 1–N exist, newest commit X" — what an unknown id is compared against. */
  private String existing() {
    long latest = latestVersion();
    Commit c = store.readManifest(latest).commit();
    long oldest = store.oldestManifestVersion().orElse(1L);
    return "manifest versions "
        + oldest
        + "–"
        + latest
        + (oldest > 1 ? " exist (older ones were removed by cleanup)" : " exist")
        + "; newest commit "
        + (c == null ? "none" : c.graphCommitId());
  }

  /** The datasets {@code branch} pins at {@code m}, nodes then edges, each by type name. */
  static SnapshotInfo info(Manifest m, String branch, GraphStore store, LanceTables lance) {
    Manifest.BranchState b = m.branch(branch);
    List<SnapshotInfo.Dataset> ds = new ArrayList<>();
    for (String kind : List.of("node", "edge")) {
      Map<String, TablePin> sorted = new TreeMap<>();
      b.tables()
          .forEach(
              (k, pin) -> {
                if (k.startsWith(kind + ":")) {
                  sorted.put(k.substring(kind.length() + 1), pin);
                }
              });
      sorted.forEach(
          (name, pin) ->
              ds.add(
                  new SnapshotInfo.Dataset(
                      kind,
                      name,
                      pin.path(),
                      pin.version(),
                      pin.lanceBranch(),
                      lance.countRows(store.tableUri(pin), pin.version()))));
    }
    return new SnapshotInfo(
        branch, m.version(), Manifest.INTERNAL_SCHEMA_VERSION, b.headCommit(), List.copyOf(ds));
  }
}
