package io.omnigraph.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cookbook schema compiles with zero diagnostics; new fixtures are picked up by the walk. */
class SchemaFixturesTest {
  static Stream<Path> schemas() {
    return Fixtures.files(".pg").stream();
  }

  @Test
  void corpusIsNotEmpty() {
    assertThat(Fixtures.files(".pg")).hasSizeGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void compilesCleanly(Path file) {
    Result<CompiledSchema> r = SchemaCompiler.compile(file.toString(), Fixtures.read(file));
    assertThat(r.diagnostics()).as(file.toString()).isEmpty();
    Catalog c = r.value().catalog();
    assertThat(c.nodes()).isNotEmpty();
    assertThat(c.edges()).isNotEmpty();
    assertThat(r.value().digest()).matches("[0-9a-f]{64}");
  }

  @Test
  void industryIntelDetails() {
    Path file =
        Fixtures.files(".pg").stream()
            .filter(p -> p.toString().contains("industry-intel"))
            .findFirst()
            .orElseThrow();
    Catalog c = SchemaCompiler.compile(file.toString(), Fixtures.read(file)).value().catalog();
    NodeType chunk = c.node("Chunk").orElseThrow();
    assertThat(chunk.isKeyed()).isFalse();
    Property emb = chunk.property("embedding").orElseThrow();
    assertThat(emb.type().vectorDim()).isEqualTo(3072);
    assertThat(emb.embed().source()).isEqualTo("text");
    assertThat(emb.index()).isTrue();
    EdgeType part = c.edge("partofartifact").orElseThrow();
    assertThat(part.name()).isEqualTo("PartOfArtifact");
    assertThat(part.cardMin()).isEqualTo(1);
    assertThat(part.cardMax()).isEqualTo(1L);
    assertThat(part.uniqueGroups()).containsExactly(List.of("src"));
    NodeType signal = c.node("Signal").orElseThrow();
    assertThat(signal.keyProperties()).containsExactly("slug");
    assertThat(signal.property("domain").orElseThrow().type().enumValues())
        .containsExactly(
            "context",
            "data-eng",
            "harness",
            "inference",
            "infra",
            "robotics",
            "security",
            "training");
  }
}
