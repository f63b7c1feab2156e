package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.compiler.schema.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema of each node and edge dataset. Physical columns first ({@code id}, and {@code
 * src}, {@code dst} for edges, all non-null Utf8), then one nullable column per property in
 * declaration order. Mapping: String/enum → Utf8, Bool → Bool, I32 → Int32, I64/U32/U64 → Int64
 * (U32 widens so every value fits a signed column; U64 above 2^63−1 is refused by the loader), F32
 * → Float32, F64 → Float64, Date → Date32, DateTime → Timestamp(ms, "UTC"), {@code [T]} →
 * List&lt;T&gt;, Vector(n) → FixedSizeList&lt;Float32&gt;(n), Blob → LargeBinary. Property columns
 * are always nullable in Arrow: nullability is enforced by the loader, and keeping storage
 * permissive lets schema changes relax or tighten it without a rewrite.
 */
final class ArrowTypes {
  static final String ID = "id";
  static final String SRC = "src";
  static final String DST = "dst";

  private ArrowTypes() {}

  static Schema nodeSchema(NodeType t) {
    List<Field> fields = new ArrayList<>();
    fields.add(physical(ID));
    addProperties(fields, t.properties());
    return new Schema(fields);
  }

  static Schema edgeSchema(EdgeType t) {
    List<Field> fields = new ArrayList<>();
    fields.add(physical(ID));
    fields.add(physical(SRC));
    fields.add(physical(DST));
    addProperties(fields, t.properties());
    return new Schema(fields);
  }

  private static void addProperties(List<Field> fields, Map<String, Property> props) {
    props.values().forEach(p -> fields.add(field(p.name(), p.type())));
  }

  private static Field physical(String name) {
    return new Field(name, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null);
  }

  static Field field(String name, PropType t) {
    if (t.isVector()) {
      Field item = new Field("item", FieldType.nullable(scalar(ScalarType.F32)), null);
      return new Field(
          name, FieldType.nullable(new ArrowType.FixedSizeList(t.vectorDim())), List.of(item));
    }
    if (t.list()) {
      Field item = new Field("item", FieldType.nullable(scalar(t.scalar())), null);
      return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(item));
    }
    return new Field(name, FieldType.nullable(scalar(t.scalar())), null);
  }

  static ArrowType scalar(ScalarType s) {
    return switch (s) {
      case STRING -> ArrowType.Utf8.INSTANCE;
      case BLOB -> ArrowType.LargeBinary.INSTANCE;
      case BOOL -> ArrowType.Bool.INSTANCE;
      case I32 -> new ArrowType.Int(32, true);
      case I64, U32, U64 -> new ArrowType.Int(64, true);
      case F32 -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case F64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DATE -> new ArrowType.Date(DateUnit.DAY);
      case DATETIME -> new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
    };
  }
}
