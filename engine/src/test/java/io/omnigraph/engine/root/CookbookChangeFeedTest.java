package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.engine.load.LoadMode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance on every cookbook: the seed load's commit diff is one insert per exported entity, in
 * the frozen order, identical when read in small pages, and the feed from the beginning delivers it
 * as one block; a baseline holds the same entities as an export.
 */
class CookbookChangeFeedTest {
  @TempDir Path dir;

  static Stream<Path> cookbooks() {
    return Fixtures.files("seed.jsonl").stream().map(Path::getParent);
  }

  private static String key(ObjectNode c) {
    return (c.get("kind").asText().equals("node") ? "0" : "1")
        + "|"
        + c.path("type").path("id").asText()
        + "|"
        + c.get("id").asText();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cookbooks")
  void theSeedCommitIsOneInsertPerEntityInTheFrozenOrder(Path cookbook) throws Exception {
    String uri = dir.resolve("g").toString();
    GraphRoot.init(
        uri,
        SchemaCompiler.compile("schema.pg", Files.readString(cookbook.resolve("schema.pg")))
            .value(),
        null,
        Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of());
        InputStream in = Files.newInputStream(cookbook.resolve("seed.jsonl"))) {
      String seed = root.load(in, LoadMode.MERGE, "main", "seed").commit().graphCommitId();
      ByteArrayOutputStream export = new ByteArrayOutputStream();
      long entities = root.export(export, "main", null);

      CommitChanges whole =
          root.commitChanges(seed, ChangeFilter.ALL, CommitChanges.MAX_LIMIT, null);
      assertThat(whole.nextPageToken()).isNull();
      assertThat(whole.changes()).hasSize((int) entities);
      assertThat(whole.changes()).allMatch(c -> c.get("op").asText().equals("insert"));
      List<String> keys = whole.changes().stream().map(CookbookChangeFeedTest::key).toList();
      assertThat(keys).isSortedAccordingTo(String::compareTo);

      List<ObjectNode> paged = new ArrayList<>();
      String token = null;
      do {
        CommitChanges p = root.commitChanges(seed, ChangeFilter.ALL, 37, token);
        paged.addAll(p.changes());
        token = p.nextPageToken();
      } while (token != null);
      assertThat(paged).isEqualTo(whole.changes());

      ChangeFeedPage feed =
          root.pollChanges(
              null, null, "beginning", null, ChangeFilter.ALL, CommitChanges.MAX_LIMIT);
      assertThat(feed.blocks()).hasSize(1);
      assertThat(feed.blocks().get(0).path("changes")).hasSize((int) entities);
      assertThat(feed.caughtUp()).isTrue();

      ByteArrayOutputStream base = new ByteArrayOutputStream();
      ObjectNode r = root.changesBaseline(base, null, ChangeFilter.ALL);
      assertThat(r.path("entities").asLong()).isEqualTo(entities);
      List<String> lines = base.toString(StandardCharsets.UTF_8).lines().toList();
      assertThat(lines.subList(0, lines.size() - 1))
          .containsExactlyInAnyOrderElementsOf(
              export.toString(StandardCharsets.UTF_8).lines().toList());
    }
  }
}
