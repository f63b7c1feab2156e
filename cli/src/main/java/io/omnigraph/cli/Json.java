package io.omnigraph.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/** Pretty JSON on stdout: one object per command, as the {@code --json} contract says. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  public static void print(PrintWriter out, JsonNode node) {
    try {
      out.println(MAPPER.writeValueAsString(node));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON output", e);
    }
  }
}
