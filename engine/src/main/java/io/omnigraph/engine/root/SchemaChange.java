package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.migrate.DropMode;
import io.omnigraph.compiler.migrate.MigrationStep;
import io.omnigraph.compiler.migrate.SchemaMigrationPlan;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.compiler.schema.SchemaType;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The physical work of a supported migration plan, derived without side effects: which existing
 * tables get Lance column changes (renames, all-null adds, soft drops), which datasets are created
 * (new types: a new table id, or a new incarnation of a dropped one), which tables leave the
 * manifest, which hard drops run after the publish, the new table pins (before writes) and the new
 * identity state ({@code __schema_state.json}: stable table and property ids survive renames).
 */
final class SchemaChange {
  /** Column changes of one existing table, applied in this order: renames, adds, drops. */
  static final class TableWork {
    final String key;
    final TablePin base;
    final Map<String, String> renames = new LinkedHashMap<>();
    final List<Field> adds = new ArrayList<>();
    final List<String> drops = new ArrayList<>();

    TableWork(String key, TablePin base) {
      this.key = key;
      this.base = base;
    }
  }

  /** A dataset to create for an added type. */
  record NewTable(String key, String path, Schema schema) {}

  /** A hard drop run after the publish: a whole dataset, or the old versions of a table. */
  record HardDrop(String key, String path, boolean wholeDataset) {}

  final Map<String, TablePin> tables;
  final Map<String, TableWork> work = new LinkedHashMap<>();
  final List<NewTable> created = new ArrayList<>();
  final List<HardDrop> hard = new ArrayList<>();
  final ObjectNode state;

  private final Catalog desired;

  private SchemaChange(Map<String, TablePin> tables, ObjectNode state, Catalog desired) {
    this.tables = new TreeMap<>(tables);
    this.state = state;
    this.desired = desired;
  }

  /** Derives the work of {@code plan} (supported) over the main branch's tables. */
  static SchemaChange of(
      SchemaMigrationPlan plan,
      Map<String, TablePin> mainTables,
      ObjectNode state,
      Catalog desired) {
    SchemaChange c = new SchemaChange(mainTables, state.deepCopy(), desired);
    for (MigrationStep s : plan.steps()) {
      c.step(s);
    }
    return c;
  }

  private void step(MigrationStep step) {
    switch (step) {
      case MigrationStep.RenameType s ->
          renameType(key(s.typeKind(), s.from()), key(s.typeKind(), s.to()));
      case MigrationStep.RenameProperty s ->
          renameProperty(key(s.typeKind(), s.typeName()), s.from(), s.to());
      case MigrationStep.AddType s -> addType(s.typeKind(), s.name());
      case MigrationStep.AddProperty s -> {
        String key = key(s.typeKind(), s.typeName());
        work(key).adds.add(ArrowTypes.field(s.propertyName(), s.propertyType()));
        properties(key).put(s.propertyName(), nextId("next_property_id"));
      }
      case MigrationStep.DropProperty s -> {
        String key = key(s.typeKind(), s.typeName());
        work(key).drops.add(s.propertyName());
        properties(key).remove(s.propertyName());
        if (s.mode() == DropMode.HARD) {
          hard.add(new HardDrop(key, tables.get(key).path(), false));
        }
      }
      case MigrationStep.DropType s -> dropType(key(s.typeKind(), s.name()), s.mode());
      case MigrationStep.UnsupportedChange s ->
          throw new IllegalStateException("unsupported step reached execution: " + s.render());
      default -> {} // enum widening, indexes, metadata: the catalog alone carries them
    }
  }

  private void renameType(String from, String to) {
    tables.put(to, tables.remove(from));
    ObjectNode ts = (ObjectNode) state.path("tables");
    ts.set(to, ts.remove(from));
  }

  private void renameProperty(String key, String from, String to) {
    work(key).renames.put(from, to);
    ObjectNode props = properties(key);
    props.set(to, props.remove(from));
  }

  private void addType(TypeKind kind, String name) {
    String key = key(kind, name);
    ObjectNode dropped = dropped();
    JsonNode old = dropped.remove(key);
    long tableId = old == null ? nextId("next_table_id") : old.path("table_id").asLong();
    long incarnation = old == null ? 1 : old.path("incarnation").asLong() + 1;
    boolean node = kind == TypeKind.NODE;
    String path = RootLayout.tablePath(node, tableId, incarnation);
    ObjectNode t = ((ObjectNode) state.path("tables")).putObject(key);
    t.put("table_id", tableId);
    t.put("incarnation", incarnation);
    t.put("path", path);
    ObjectNode props = t.putObject("properties");
    SchemaType type = node ? desired.nodes().get(name) : desired.edge(name).orElseThrow();
    for (Property p : type.properties().values()) {
      props.put(p.name(), nextId("next_property_id"));
    }
    Schema schema =
        node
            ? ArrowTypes.nodeSchema(desired.nodes().get(name))
            : ArrowTypes.edgeSchema(desired.edge(name).orElseThrow());
    created.add(new NewTable(key, path, schema));
  }

  private void dropType(String key, DropMode mode) {
    TablePin pin = tables.remove(key);
    work.remove(key);
    JsonNode entry = ((ObjectNode) state.path("tables")).remove(key);
    if (entry != null) {
      dropped().set(key, entry);
    }
    if (mode == DropMode.HARD && pin != null) {
      hard.add(new HardDrop(key, pin.path(), true));
    }
  }

  private TableWork work(String key) {
    return work.computeIfAbsent(key, k -> new TableWork(k, tables.get(k)));
  }

  private ObjectNode properties(String key) {
    JsonNode t = state.path("tables").path(key);
    if (!t.isObject()) {
      throw new RootException(
          RootException.Kind.CORRUPT, "__schema_state.json has no entry for " + key);
    }
    return child((ObjectNode) t, "properties");
  }

  private ObjectNode dropped() {
    return child(state, "dropped_tables");
  }

  private static ObjectNode child(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
  }

  private long nextId(String counter) {
    long id = state.path(counter).asLong(1);
    state.put(counter, id + 1);
    return id;
  }

  private static String key(TypeKind kind, String name) {
    return MigrationStep.entity(kind, name);
  }
}
