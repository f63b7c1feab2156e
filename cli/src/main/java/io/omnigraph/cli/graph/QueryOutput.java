package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The read output formats of {@code query} (08 §6): {@code table} (aligned text, the default),
 * {@code kv} (one key/value block per row), {@code csv} (header + rows, RFC 4180 quoting, CRLF line
 * ends), {@code jsonl} (one metadata line — the envelope without its rows — then one row object per
 * line) and {@code json} (the whole envelope, pretty). Only json/jsonl carry {@code
 * graph_commit_id}. Cells: strings unquoted, null empty, anything else as compact JSON.
 */
final class QueryOutput {
  static final List<String> FORMATS = List.of("table", "kv", "csv", "jsonl", "json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private QueryOutput() {}

  /** The format named by {@code --format} ({@code null} = table) or {@code --json}. */
  static String format(String format, boolean json) {
    if (json && format != null && !"json".equals(format)) {
      throw new CliException("--json and --format " + format + " disagree", ExitCodes.USAGE);
    }
    String f = json ? "json" : format == null ? "table" : format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      throw new CliException(
          "unknown --format " + format + "; use one of " + String.join(", ", FORMATS),
          ExitCodes.USAGE);
    }
    return f;
  }

  /**
   * How {@code table} fits cells: {@code maxWidth} 0 = unlimited; longer cells are cut with {@code
   * …} or, with {@code wrap}, continued on following lines ({@code
   * defaults.table_max_column_width}, {@code defaults.table_cell_layout}).
   */
  record Layout(int maxWidth, boolean wrap) {
    static final Layout NONE = new Layout(0, false);

    static Layout of(io.omnigraph.cli.config.ScopeConfig.Defaults d) {
      return new Layout(d.tableMaxColumnWidth(), "wrap".equals(d.tableCellLayout()));
    }
  }

  static void print(PrintWriter out, ObjectNode envelope, String format) {
    print(out, envelope, format, Layout.NONE);
  }

  static void print(PrintWriter out, ObjectNode envelope, String format, Layout layout) {
    switch (format) {
      case "json" -> Json.print(out, envelope);
      case "jsonl" -> jsonl(out, envelope);
      case "csv" -> csv(out, envelope);
      case "kv" -> kv(out, envelope);
      default -> table(out, envelope, layout);
    }
    out.flush();
  }

  private static List<String> columns(ObjectNode envelope) {
    List<String> cols = new ArrayList<>();
    envelope.path("columns").forEach(c -> cols.add(c.path("name").asText()));
    return cols;
  }

  private static String cell(JsonNode row, String col) {
    JsonNode v = row.get(col);
    return v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString();
  }

  private static void jsonl(PrintWriter out, ObjectNode envelope) {
    ObjectNode meta = envelope.deepCopy();
    meta.remove("rows");
    out.println(compact(meta));
    for (JsonNode row : envelope.path("rows")) {
      out.println(compact(row));
    }
  }

  private static String compact(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void csv(PrintWriter out, ObjectNode envelope) {
    List<String> cols = columns(envelope);
    out.print(String.join(",", cols.stream().map(QueryOutput::csvField).toList()) + "\r\n");
    for (JsonNode row : envelope.path("rows")) {
      List<String> fields = new ArrayList<>();
      for (String c : cols) {
        fields.add(csvField(cell(row, c)));
      }
      out.print(String.join(",", fields) + "\r\n");
    }
  }

  /** RFC 4180: quote fields holding a comma, quote, CR or LF; double inner quotes. */
  static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static void kv(PrintWriter out, ObjectNode envelope) {
    List<String> cols = columns(envelope);
    int w = cols.stream().mapToInt(String::length).max().orElse(0);
    int i = 0;
    for (JsonNode row : envelope.path("rows")) {
      if (i++ > 0) {
        out.println();
      }
      for (String c : cols) {
        out.println((c + ":" + " ".repeat(w - c.length() + 1) + cell(row, c)).stripTrailing());
      }
    }
    rowCount(out, envelope);
  }

  /** An aligned text table: header, rows, row count. */
  private static void table(PrintWriter out, ObjectNode envelope, Layout layout) {
    List<String> cols = columns(envelope);
    List<List<String>> cells = new ArrayList<>();
    cells.addAll(fit(cols, layout));
    for (JsonNode row : envelope.path("rows")) {
      cells.addAll(fit(cols.stream().map(c -> oneLine(cell(row, c))).toList(), layout));
    }
    int[] width = new int[cols.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < line.size(); i++) {
        width[i] = Math.max(width[i], line.get(i).length());
      }
    }
    for (List<String> line : cells) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        String s = line.get(i);
        sb.append(i == 0 ? "" : "  ").append(s).append(" ".repeat(width[i] - s.length()));
      }
      out.println(sb.toString().stripTrailing());
    }
    rowCount(out, envelope);
  }

  /** One table row as one line (cut to the layout width) or, wrapped, as several. */
  private static List<List<String>> fit(List<String> row, Layout layout) {
    int w = layout.maxWidth();
    if (w <= 0) {
      return List.of(row);
    }
    if (!layout.wrap()) {
      return List.of(
          row.stream().map(s -> s.length() <= w ? s : s.substring(0, w - 1) + "…").toList());
    }
    int height = row.stream().mapToInt(s -> Math.max(1, (s.length() + w - 1) / w)).max().orElse(1);
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < height; i++) {
      int from = i * w;
      lines.add(
          row.stream()
              .map(s -> from >= s.length() ? "" : s.substring(from, Math.min(s.length(), from + w)))
              .toList());
    }
    return lines;
  }

  /** Table cells stay on one line: CR/LF/tab are shown escaped. */
  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static void rowCount(PrintWriter out, ObjectNode envelope) {
    int n = envelope.path("row_count").asInt();
    out.println("(" + n + (n == 1 ? " row)" : " rows)"));
  }
}
