package io.omnigraph.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * The structured access log: one line per request (actor, graph, route, status, duration), as JSON
 * or as text ({@code --log-format json|text}), plus the server's own WARN/INFO lines in the same
 * format. Written to the given stream (stderr; stdout carries only the listen line) by a {@link
 * LogSink}, off the request threads.
 */
public final class AccessLog implements AutoCloseable {
  private final LogSink sink;
  private final boolean json;

  public AccessLog(PrintStream out, boolean json) {
    this.sink = new LogSink(out);
    this.json = json;
  }

  /** One request line. */
  public void request(
      String method, String route, String path, int status, String actor, String graph, long us) {
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("ts", LogTime.now()).put("level", "INFO").put("event", "request");
      o.put("method", method).put("route", route).put("path", path).put("status", status);
      o.put("actor", actor).put("graph", graph).put("duration_ms", us / 1000.0);
      emit(o.toString());
    } else {
      emit(
          LogTime.now()
              + " INFO request "
              + method
              + " "
              + path
              + " route="
              + route
              + " status="
              + status
              + " actor="
              + (actor == null ? "-" : actor)
              + " graph="
              + (graph == null ? "-" : graph)
              + " duration_ms="
              + millis(us));
    }
  }

  /** A free-form event at {@code level} ({@code INFO}, {@code WARN}, {@code ERROR}). */
  public void event(String level, String event, String message) {
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("ts", LogTime.now()).put("level", level).put("event", event);
      o.put("message", message);
      emit(o.toString());
    } else {
      emit(LogTime.now() + " " + level + " " + event + " " + message);
    }
  }

  /** A policy decision at INFO (actor, action, branch, decision, matched rule). */
  public void decision(
      String actor,
      String graph,
      String action,
      String branch,
      String target,
      io.omnigraph.server.auth.Authorizer.Verdict v) {
    String rule = v.rule().orElse("-");
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("ts", LogTime.now()).put("level", "INFO").put("event", "policy_decision");
      o.put("actor", actor).put("graph", graph).put("action", action);
      o.put("branch", branch).put("target_branch", target);
      o.put("decision", v.allowed() ? "allow" : "deny").put("matched_rule", v.rule().orElse(null));
      emit(o.toString());
    } else {
      emit(
          LogTime.now()
              + " INFO policy_decision actor="
              + (actor == null ? "-" : actor)
              + " graph="
              + graph
              + " action="
              + action
              + " branch="
              + (branch == null ? "-" : branch)
              + " target_branch="
              + (target == null ? "-" : target)
              + " decision="
              + (v.allowed() ? "allow" : "deny")
              + " matched_rule="
              + rule);
    }
  }

  /** Microseconds as milliseconds with three decimals, without {@code String.format}. */
  static String millis(long us) {
    long frac = us % 1000;
    return (us / 1000) + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
  }

  private void emit(String line) {
    sink.line(line);
  }

  /** Writes the lines still queued and stops the writer thread (lines after this are direct). */
  @Override
  public void close() {
    sink.close();
  }
}
