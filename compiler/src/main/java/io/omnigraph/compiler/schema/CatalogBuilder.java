package io.omnigraph.compiler.schema;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.schema.SchemaAst.AnnotationAst;
import io.omnigraph.compiler.schema.SchemaAst.Decl;
import io.omnigraph.compiler.schema.SchemaAst.EdgeDecl;
import io.omnigraph.compiler.schema.SchemaAst.InterfaceDecl;
import io.omnigraph.compiler.schema.SchemaAst.Name;
import io.omnigraph.compiler.schema.SchemaAst.NodeDecl;
import io.omnigraph.compiler.schema.SchemaAst.PropertyDecl;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Catalog} from a parsed schema: resolves names, expands interfaces into the node
 * types that implement them, resolves edge endpoints and checks every placement rule.
 */
final class CatalogBuilder {
  private final SourceText src;
  private final List<Diagnostic> diagnostics;
  private final PropertyResolver properties;
  private final ConstraintResolver constraints;
  private final Map<String, InterfaceType> interfaces = new LinkedHashMap<>();
  private final Map<String, NodeType> nodes = new LinkedHashMap<>();
  private final Map<String, EdgeType> edges = new LinkedHashMap<>();

  CatalogBuilder(SourceText src, List<Diagnostic> diagnostics) {
    this.src = src;
    this.diagnostics = diagnostics;
    this.properties = new PropertyResolver(src, diagnostics);
    this.constraints = new ConstraintResolver(src, diagnostics);
  }

  Catalog build(SchemaAst.File file) {
    List<Decl> unique = uniqueDeclarations(file.declarations());
    for (Decl d : unique) {
      if (d instanceof InterfaceDecl i) {
        interfaceType(i);
      }
    }
    for (Decl d : unique) {
      if (d instanceof NodeDecl n) {
        nodeType(n);
      }
    }
    for (Decl d : unique) {
      if (d instanceof EdgeDecl e) {
        edgeType(e);
      }
    }
    return new Catalog(interfaces, nodes, edges);
  }

  /** Drops (and reports) declarations whose name is already taken. */
  private List<Decl> uniqueDeclarations(List<Decl> decls) {
    Map<String, Decl> byName = new HashMap<>();
    Map<String, EdgeDecl> edgesByFold = new HashMap<>();
    List<Decl> out = new ArrayList<>();
    for (Decl d : decls) {
      String n = d.name().text();
      Decl prior = byName.putIfAbsent(n, d);
      if (prior != null) {
        error(
            SchemaCode.DUPLICATE_TYPE,
            d.name(),
            describe(d)
                + " '"
                + n
                + "' is already declared as "
                + describe(prior)
                + " at "
                + at(prior.name())
                + "; rename one of them");
        continue;
      }
      if (d instanceof EdgeDecl e) {
        EdgeDecl clash = edgesByFold.putIfAbsent(Catalog.fold(n), e);
        if (clash != null) {
          error(
              SchemaCode.EDGE_NAME_COLLISION,
              d.name(),
              "edge '"
                  + n
                  + "' collides with edge '"
                  + clash.name().text()
                  + "' ("
                  + at(clash.name())
                  + "): edge names are matched case-insensitively; rename one of them");
          continue;
        }
      }
      out.add(d);
    }
    return out;
  }

  private static String describe(Decl d) {
    return switch (d) {
      case InterfaceDecl i -> "interface";
      case NodeDecl n -> "node";
      case EdgeDecl e -> "edge";
    };
  }

  private String at(Name n) {
    var p = src.position(n.start(), n.end());
    return "line " + p.line() + ":" + p.column();
  }

  private void interfaceType(InterfaceDecl d) {
    Map<String, Property> props =
        ownProperties(d.properties(), TypeKind.INTERFACE, d.name().text());
    interfaces.put(d.name().text(), new InterfaceType(d.name().text(), props));
  }

  private Map<String, Property> ownProperties(
      List<PropertyDecl> decls, TypeKind owner, String ownerName) {
    Map<String, Property> props = new LinkedHashMap<>();
    Map<String, Name> seen = new HashMap<>();
    for (PropertyDecl pd : decls) {
      Name prior = seen.putIfAbsent(pd.name().text(), pd.name());
      if (prior != null) {
        error(
            SchemaCode.DUPLICATE_PROPERTY,
            pd.name(),
            "property '"
                + pd.name().text()
                + "' of "
                + ownerName
                + " is already declared at "
                + at(prior)
                + "; remove one");
        continue;
      }
      Property p = properties.resolve(pd, owner, ownerName);
      if (p != null) {
        props.put(p.name(), p);
      }
    }
    return props;
  }

  private void nodeType(NodeDecl d) {
    String name = d.name().text();
    TypeAnnotations ta = typeAnnotations(d.annotations(), name);
    Map<String, Property> props = new LinkedHashMap<>();
    List<String> impls = new ArrayList<>();
    for (Name i : d.implementsList()) {
      implement(i, name, props, impls);
    }
    Map<String, Property> own = ownProperties(d.properties(), TypeKind.NODE, name);
    for (Property p : own.values()) {
      merge(props, p, name, d);
    }
    checkEmbeds(props, d.properties(), name);
    List<Constraint> cs = constraints.resolve(d.constraints(), TypeKind.NODE, name, props);
    nodes.put(name, new NodeType(name, impls, props, cs, ta.annotations, ta.renameFrom));
  }

  private void implement(Name i, String node, Map<String, Property> props, List<String> impls) {
    InterfaceType it = interfaces.get(i.text());
    if (it == null) {
      String hint =
          nodes.containsKey(i.text()) || edges.containsKey(i.text())
              ? " ('" + i.text() + "' is not an interface)"
              : "";
      error(
          SchemaCode.UNKNOWN_INTERFACE,
          i,
          "node "
              + node
              + " implements unknown interface '"
              + i.text()
              + "'"
              + hint
              + "; declare 'interface "
              + i.text()
              + " { … }' or fix the name");
      return;
    }
    if (impls.contains(i.text())) {
      error(
          SchemaCode.UNKNOWN_INTERFACE,
          i,
          "interface '" + i.text() + "' is listed twice in implements; list it once");
      return;
    }
    impls.add(i.text());
    for (Property p : it.properties().values()) {
      Property prior = props.get(p.name());
      if (prior != null && !prior.type().equals(p.type())) {
        error(
            SchemaCode.INTERFACE_CONFLICT,
            i,
            "interfaces "
                + prior.declaredIn()
                + " and "
                + i.text()
                + " both declare '"
                + p.name()
                + "' with different types ("
                + prior.type().render()
                + " vs "
                + p.type().render()
                + "); make them agree");
        continue;
      }
      props.putIfAbsent(p.name(), p.withDeclaredIn(i.text()));
    }
  }

  /** A node may restate an interface property with the identical type (annotations may add). */
  private void merge(Map<String, Property> props, Property own, String node, NodeDecl d) {
    Property inherited = props.get(own.name());
    if (inherited != null && !inherited.type().equals(own.type())) {
      Name at =
          d.properties().stream()
              .filter(pd -> pd.name().text().equals(own.name()))
              .findFirst()
              .orElseThrow()
              .name();
      error(
          SchemaCode.INTERFACE_CONFLICT,
          at,
          "node "
              + node
              + " redeclares '"
              + own.name()
              + "' as "
              + own.type().render()
              + " but interface "
              + inherited.declaredIn()
              + " declares it as "
              + inherited.type().render()
              + "; use the interface's type or rename the property");
      return;
    }
    props.put(own.name(), inherited == null ? own : own.withDeclaredIn(inherited.declaredIn()));
  }

  private void checkEmbeds(Map<String, Property> props, List<PropertyDecl> decls, String node) {
    for (Property p : props.values()) {
      if (p.embed() == null) {
        continue;
      }
      Property source = props.get(p.embed().source());
      String why = null;
      if (source == null) {
        why = "is not a property of " + node;
      } else if (source.type().scalar() != ScalarType.STRING || !source.type().isScalar()) {
        why = "is " + source.type().render() + ", not a String";
      }
      if (why != null) {
        Name at =
            decls.stream()
                .filter(pd -> pd.name().text().equals(p.name()))
                .map(PropertyDecl::name)
                .findFirst()
                .orElse(new Name(p.name(), 0, 0));
        error(
            SchemaCode.INVALID_ANNOTATION,
            at,
            "@embed source '"
                + p.embed().source()
                + "' of '"
                + p.name()
                + "' "
                + why
                + "; point @embed at a String property of the same node");
      }
    }
  }

  private void edgeType(EdgeDecl d) {
    String name = d.name().text();
    boolean ok = endpoint(d.from(), name, "source") & endpoint(d.to(), name, "target");
    long min = 0;
    Long max = null;
    if (d.card() != null) {
      min = parseCard(d.card().min(), d);
      max = d.card().max() == null ? null : parseCard(d.card().max(), d);
      if (max != null && max < min) {
        error(
            SchemaCode.INVALID_CARDINALITY,
            d.card(),
            "@card maximum "
                + max
                + " is below its minimum "
                + min
                + "; write @card("
                + max
                + ".."
                + min
                + ") or leave the maximum empty");
      }
      if (max != null && max == 0) {
        error(
            SchemaCode.INVALID_CARDINALITY,
            d.card(),
            "@card maximum 0 forbids every edge; remove the edge type instead");
      }
    }
    TypeAnnotations ta = typeAnnotations(d.annotations(), name);
    Map<String, Property> props = ownProperties(d.properties(), TypeKind.EDGE, name);
    List<Constraint> cs = constraints.resolve(d.constraints(), TypeKind.EDGE, name, props);
    if (ok) {
      edges.put(
          name,
          new EdgeType(
              name,
              d.from().text(),
              d.to().text(),
              min,
              max,
              props,
              cs,
              ta.annotations,
              ta.renameFrom));
    }
  }

  private long parseCard(String s, EdgeDecl d) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      error(SchemaCode.INVALID_CARDINALITY, d.card(), "@card bound " + s + " is too large");
      return 0;
    }
  }

  private boolean endpoint(Name n, String edge, String which) {
    if (nodes.containsKey(n.text())) {
      return true;
    }
    String hint =
        interfaces.containsKey(n.text())
            ? " ('" + n.text() + "' is an interface; edges connect node types)"
            : "";
    error(
        SchemaCode.UNKNOWN_ENDPOINT,
        n,
        "edge "
            + edge
            + " has unknown "
            + which
            + " type '"
            + n.text()
            + "'"
            + hint
            + "; declare 'node "
            + n.text()
            + " { … }' or fix the name");
    return false;
  }

  private static final class TypeAnnotations {
    final List<Annotation> annotations = new ArrayList<>();
    String renameFrom;
  }

  private TypeAnnotations typeAnnotations(List<AnnotationAst> asts, String type) {
    TypeAnnotations out = new TypeAnnotations();
    for (AnnotationAst a : asts) {
      switch (a.name()) {
        case "key", "unique", "index", "embed", "range", "check" ->
            error(
                SchemaCode.MISPLACED_CONSTRAINT,
                a,
                "@"
                    + a.name()
                    + " cannot annotate the type "
                    + type
                    + "; put it on a property or write it in the body, as in @"
                    + a.name()
                    + "(property)");
        case "card" ->
            error(
                SchemaCode.MISPLACED_CONSTRAINT,
                a,
                "@card belongs only in an edge header, right after the endpoint types");
        case "rename_from" -> {
          if (out.renameFrom != null || !isSingleString(a)) {
            error(
                SchemaCode.INVALID_ANNOTATION,
                a,
                "write @rename_from(\"OldName\") once, with one string argument");
          } else {
            out.renameFrom = a.value().text();
          }
        }
        case "description", "instruction" -> {
          if (!isSingleString(a)) {
            error(
                SchemaCode.INVALID_ANNOTATION,
                a,
                "@"
                    + a.name()
                    + " on "
                    + type
                    + " takes one string argument, as in @"
                    + a.name()
                    + "(\"…\")");
          } else {
            out.annotations.add(PropertyResolver.toAnnotation(a));
          }
        }
        default -> out.annotations.add(PropertyResolver.toAnnotation(a));
      }
    }
    return out;
  }

  private static boolean isSingleString(AnnotationAst a) {
    return a.value() != null && a.value().kind() == Literal.Kind.STRING && a.kwargs().isEmpty();
  }

  private void error(SchemaCode code, Name at, String message) {
    diagnostics.add(Diagnostic.error(code.code(), src.position(at.start(), at.end()), message));
  }

  private void error(SchemaCode code, AnnotationAst at, String message) {
    diagnostics.add(Diagnostic.error(code.code(), src.position(at.start(), at.end()), message));
  }

  private void error(SchemaCode code, SchemaAst.CardAst at, String message) {
    diagnostics.add(Diagnostic.error(code.code(), src.position(at.start(), at.end()), message));
  }
}
