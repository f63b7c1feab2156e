package io.omnigraph.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonBodyReaderTest {
  private static JsonNode read(String s) throws IOException {
    return JsonBodyReader.read(Call.JSON.getFactory(), s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void treesEqualTheMappersIncludingNodeTypes() throws Exception {
    String body =
        """
        {"params":{"slug":"pat-é—x","n":7,"big":9007199254740993,"huge":18446744073709551616,
          "f":1.5,"e":1e400,"neg":-0.0,"list":[1,"a",null,true,false,[],{}],"nul":null},
         "branch":"main","expect_mutation":false}
        """;
    JsonNode ours = read(body);
    JsonNode mapper = Call.JSON.readTree(body);
    assertThat(ours).isEqualTo(mapper);
    assertThat(ours.get("params").get("n").isInt()).isTrue();
    assertThat(ours.get("params").get("big").isLong()).isTrue();
    assertThat(ours.get("params").get("huge").isBigInteger()).isTrue();
    assertThat(ours.get("params").get("f").isDouble()).isTrue();
    assertThat(Call.JSON.writeValueAsString(ours)).isEqualTo(Call.JSON.writeValueAsString(mapper));
  }

  @Test
  void numbersMatchTheMapper() throws Exception {
    Random r = new Random(7);
    for (int i = 0; i < 500; i++) {
      long n = (r.nextLong() >> r.nextInt(64)) | 1;
      double d = Double.longBitsToDouble(r.nextLong());
      String body =
          "[" + n + "," + (Double.isFinite(d) ? d : 0) + ",1e" + r.nextInt(400) + "," + n + "0]";
      assertThat(read(body)).as(body).isEqualTo(Call.JSON.readTree(body));
    }
  }

  @Test
  void emptyBodyIsNoValue() throws Exception {
    assertThat(read("  \n")).isNull();
  }

  @Test
  void duplicateMembersTrailingContentAndDeepNestingAreErrors() {
    assertThatThrownBy(() -> read("{\"a\":1,\"a\":2}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> read("{\"a\":1} {\"b\":2}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("unexpected content after the JSON value");
    assertThatThrownBy(() -> read("{\"a\":1")).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> read("[".repeat(5000) + "]".repeat(5000)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nesting depth");
  }
}
