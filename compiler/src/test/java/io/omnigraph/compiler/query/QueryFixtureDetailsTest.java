package io.omnigraph.compiler.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.descriptor.OperationDescriptor;
import io.omnigraph.compiler.query.ir.AggFn;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.query.ir.QueryKind;
import io.omnigraph.compiler.query.ir.ReadPlan;
import io.omnigraph.compiler.query.ir.Value;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.Fixtures;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** IR and descriptor details of known cookbook queries. */
class QueryFixtureDetailsTest {
  private static CompiledQuery query(String cookbook, String file, String name) {
    Path p =
        Fixtures.files(".gq").stream()
            .filter(f -> f.toString().contains(cookbook) && f.getFileName().toString().equals(file))
            .findFirst()
            .orElseThrow();
    var src = new SourceText(p.toString(), Fixtures.read(p));
    var r = QueryCompiler.compileOne(QueryFixturesTest.catalogFor(p), src, name);
    assertThat(r.diagnostics()).isEmpty();
    return r.value();
  }

  @Test
  void patternMomentumCountsSignalsPerPattern() {
    CompiledQuery q = query("industry-intel", "workflow.gq", "pattern_momentum");
    assertThat(q.kind()).isEqualTo(QueryKind.READ);
    assertThat(q.params()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("since"));
    ReadPlan read = q.read();
    assertThat(read.aggregate()).isTrue();
    assertThat(read.columns())
        .extracting(c -> c.name())
        .containsExactly("slug", "name", "recent_signals");
    var agg = read.columns().get(2);
    assertThat(agg.aggregate()).isTrue();
    assertThat(((IrExpr.Aggregate) agg.expr()).fn()).isEqualTo(AggFn.COUNT);
    assertThat(read.columns().get(0).groupKey()).isTrue();
    assertThat(read.match()).hasSize(3);
    var traverse = (MatchItem.Traverse) read.match().get(1);
    assertThat(traverse.edgeType()).isEqualTo("FormsPattern");
    assertThat(traverse.src()).isEqualTo("s");
    assertThat(traverse.srcType()).isEqualTo("Signal");
    assertThat(traverse.dstType()).isEqualTo("Pattern");
    assertThat(traverse.minHops()).isEqualTo(1);
    assertThat(traverse.maxHops()).isEqualTo(1);

    ObjectNode d = OperationDescriptor.describe(q);
    assertThat(d.get("result").get(2).get("name").asText()).isEqualTo("recent_signals");
    assertThat(d.get("result").get(2).get("kind").asText()).isEqualTo("int");
    assertThat(d.get("result").get(2).get("nullable").asBoolean()).isFalse();
    assertThat(d.get("result").get(0).get("kind").asText()).isEqualTo("string");
    assertThat(d.get("reads").toString())
        .isEqualTo(
            "[{\"kind\":\"node\",\"type_name\":\"Pattern\"},{\"kind\":\"node\",\"type_name\":\"Signal\"},"
                + "{\"kind\":\"edge\",\"type_name\":\"FormsPattern\"}]");
    assertThat(d.get("writes")).isEmpty();
  }

  @Test
  void orphanSignalsUsesNegationWithLocalUnderscore() {
    CompiledQuery q = query("industry-intel", "workflow.gq", "orphan_signals");
    var negations = q.read().match().stream().filter(m -> m instanceof MatchItem.Negation).toList();
    assertThat(negations).hasSize(2);
    var first = (MatchItem.Negation) negations.get(0);
    assertThat(first.outerVariables()).containsExactly("s");
    assertThat(first.localVariables())
        .singleElement()
        .satisfies(v -> assertThat(v.name()).isEqualTo("_"));
    assertThat(q.read().variables()).extracting(v -> v.name()).containsExactly("s");
    assertThat(q.read().order())
        .singleElement()
        .satisfies(k -> assertThat(k.descending()).isTrue());
    ObjectNode d = OperationDescriptor.describe(q);
    assertThat(d.get("reads").toString())
        .contains("ContradictsPattern", "FormsPattern", "\"Pattern\"", "\"Signal\"");
  }

  @Test
  void stalePatternsBindsAVariableInsideNot() {
    CompiledQuery q = query("industry-intel", "workflow.gq", "stale_patterns");
    var neg = (MatchItem.Negation) q.read().match().get(1);
    assertThat(neg.outerVariables()).containsExactly("p");
    assertThat(neg.localVariables()).extracting(v -> v.name()).containsExactly("s");
    assertThat(neg.items()).hasSize(2);
  }

  @Test
  void hybridChunksUsesRrfWithLimit() {
    CompiledQuery q = query("industry-intel", "hybrid.gq", "hybrid_chunks");
    assertThat(q.read().limit()).isEqualTo(10L);
    var key = q.read().order().get(0);
    assertThat(key.descending()).isTrue();
    var rrf = (IrExpr.Rrf) key.expr();
    var nearest = (IrExpr.Nearest) rrf.first();
    assertThat(nearest.vector().property()).isEqualTo("embedding");
    assertThat(nearest.textQuery()).isTrue();
    assertThat(rrf.second()).isInstanceOf(IrExpr.Bm25.class);
    assertThat(rrf.k()).isInstanceOf(IrExpr.Literal.class);
    assertThat(((Value.Int) ((IrExpr.Literal) rrf.k()).value()).value())
        .isEqualTo(BigInteger.valueOf(60));
  }

  @Test
  void relatedChunksOrdersByNearestAscending() {
    CompiledQuery q = query("industry-intel", "hybrid.gq", "related_chunks");
    var key = q.read().order().get(0);
    assertThat(key.expr()).isInstanceOf(IrExpr.Nearest.class);
    assertThat(key.descending()).isFalse();
  }

  @Test
  void elementLookupMatchesEnumWithAStringParameter() {
    CompiledQuery q = query("industry-intel", "elements.gq", "elements_by_kind");
    var scan = (MatchItem.Scan) q.read().match().get(0);
    assertThat(scan.nodeType()).isEqualTo("Element");
    var prop = (IrExpr.Prop) scan.props().get(0).left();
    assertThat(prop.propType().isEnum()).isTrue();
    assertThat(scan.props().get(0).right()).isInstanceOf(IrExpr.Param.class);
    ObjectNode d =
        OperationDescriptor.describe(query("industry-intel", "elements.gq", "get_element"));
    assertThat(d.get("result").get(5).toString())
        .isEqualTo(
            "{\"name\":\"category\",\"kind\":\"list\",\"item_kind\":\"string\",\"nullable\":true}");
  }

  @Test
  void keyedInsertIsAnUpsertAndEdgeInsertResolvesEndpoints() {
    CompiledQuery add = query("industry-intel", "mutations.gq", "add_signal");
    var insert = (MutationOp.InsertNode) add.mutations().get(0);
    assertThat(insert.upsert()).isTrue();
    assertThat(insert.keyProperties()).containsExactly("slug");
    assertThat(OperationDescriptor.describe(add).get("writes").toString())
        .isEqualTo("[{\"kind\":\"node\",\"type_name\":\"Signal\"}]");

    CompiledQuery link = query("industry-intel", "mutations.gq", "link_signal_forms_pattern");
    var edge = (MutationOp.InsertEdge) link.mutations().get(0);
    assertThat(edge.typeName()).isEqualTo("FormsPattern");
    assertThat(edge.fromType()).isEqualTo("Signal");
    assertThat(edge.toType()).isEqualTo("Pattern");
    assertThat(((IrExpr.Param) edge.from()).name()).isEqualTo("signal");
    ObjectNode d = OperationDescriptor.describe(link);
    assertThat(d.get("result")).isEmpty();
    assertThat(d.get("writes").toString())
        .isEqualTo("[{\"kind\":\"edge\",\"type_name\":\"FormsPattern\"}]");
  }

  @Test
  void multiTraversalReadsEveryEdgeAndEndpoint() {
    CompiledQuery q = query("pharma-intel", "programs.gq", "program_landscape_signals");
    ObjectNode d = OperationDescriptor.describe(q);
    assertThat(d.get("reads").toString())
        .contains(
            "ProgramCompetesInMechanism",
            "TargetsMechanism",
            "AboutCompound",
            "\"Program\"",
            "\"Mechanism\"",
            "\"Compound\"",
            "\"Signal\"");
    assertThat(q.read().columns())
        .extracting(c -> c.name())
        .containsExactly("slug", "name", "brief", "stagingTimestamp", "c_slug");
    assertThat(d.get("result").get(3).get("kind").asText()).isEqualTo("datetime");
  }
}
