package io.omnigraph.compiler.schema;

import io.omnigraph.compiler.diag.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog of schema migration lint codes ({@code OG-<FAMILY>-<NNN>}, spec 02 §9). A code
 * identifies a rule and is shown as {@code [code] message}. Codes are frozen: entries may be added,
 * never renumbered.
 *
 * <p>Only the {@link Status#SHIPPED} codes are emitted today, by the migration planner on {@code
 * unsupported_change} steps. {@link Status#IN_CATALOG} codes are documented but the planner plans
 * those removals as soft drops instead; {@link Status#RESERVED} codes are not emitted.
 */
public enum SchemaLintCode {
  REMOVE_GRAPH_TYPE_WITH_DATA(
      "OG-DS-101",
      Family.DS,
      Tier.DESTRUCTIVE,
      "removing a graph type that holds data",
      Status.RESERVED),
  REMOVE_NODE_TYPE_WITH_DATA(
      "OG-DS-102",
      Family.DS,
      Tier.DESTRUCTIVE,
      "removing a node type that holds data",
      Status.IN_CATALOG),
  REMOVE_EDGE_TYPE_WITH_DATA(
      "OG-DS-103",
      Family.DS,
      Tier.DESTRUCTIVE,
      "removing an edge type that holds data",
      Status.IN_CATALOG),
  REMOVE_PROPERTY_WITH_DATA(
      "OG-DS-104",
      Family.DS,
      Tier.DESTRUCTIVE,
      "removing a property from a type that holds data",
      Status.IN_CATALOG),
  REMOVE_VECTOR_PROPERTY_WITH_DATA(
      "OG-DS-105",
      Family.DS,
      Tier.DESTRUCTIVE,
      "removing a vector property that holds data",
      Status.RESERVED),
  ADD_REQUIRED_PROPERTY(
      "OG-MF-103",
      Family.MF,
      Tier.VALIDATED,
      "new non-nullable property on a type that holds data (needs backfill)",
      Status.SHIPPED),
  MAKE_PROPERTY_REQUIRED(
      "OG-MF-104",
      Family.MF,
      Tier.VALIDATED,
      "making a nullable property non-nullable",
      Status.RESERVED),
  CHANGE_PROPERTY_TYPE(
      "OG-MF-106",
      Family.MF,
      Tier.DESTRUCTIVE,
      "property type change (enum narrowing/rename/enum<->String)",
      Status.SHIPPED);

  /** Rule families; only DS and MF have shipped rules, the rest are reserved prefixes. */
  public enum Family {
    DS("Destructive", true),
    MF("Maybe-fail", true),
    CD(null, false),
    BC(null, false),
    NM(null, false),
    OW(null, false),
    NL(null, false),
    VE(null, false),
    ED(null, false),
    LK(null, false);

    private final String title;
    private final boolean shipped;

    Family(String title, boolean shipped) {
      this.title = title;
      this.shipped = shipped;
    }

    /** The family's name (e.g. {@code Destructive}); empty for reserved families. */
    public Optional<String> title() {
      return Optional.ofNullable(title);
    }

    public boolean shipped() {
      return shipped;
    }
  }

  /** How dangerous a change of this kind is. */
  public enum Tier {
    /** Data is (or may be) lost. */
    DESTRUCTIVE,
    /** Succeeds only if existing data passes a check (e.g. a backfill exists). */
    VALIDATED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether the rule is live. */
  public enum Status {
    /** Emitted by the migration planner. */
    SHIPPED,
    /** Documented in the catalog; the planner plans the change as a soft drop instead. */
    IN_CATALOG,
    /** Number reserved; never emitted. */
    RESERVED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String code;
  private final Family family;
  private final Tier tier;
  private final String meaning;
  private final Status status;

  SchemaLintCode(String code, Family family, Tier tier, String meaning, Status status) {
    this.code = code;
    this.family = family;
    this.tier = tier;
    this.meaning = meaning;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public Family family() {
    return family;
  }

  public Tier tier() {
    return tier;
  }

  /** Every catalogued rule defaults to error; severity overrides are not supported. */
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  public String meaning() {
    return meaning;
  }

  public Status status() {
    return status;
  }

  /** {@code [OG-MF-103] message}: how a finding with this code is shown to people. */
  public String format(String message) {
    return "[" + code + "] " + message;
  }

  /** The entry for an exact code such as {@code OG-MF-106}. */
  public static Optional<SchemaLintCode> byCode(String code) {
    for (SchemaLintCode c : values()) {
      if (c.code.equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
