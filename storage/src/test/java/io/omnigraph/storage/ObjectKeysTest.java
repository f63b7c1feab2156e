package io.omnigraph.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {
  @Test
  void validKeysPassUnchanged() {
    for (String key :
        List.of("a", "a/b", "graphs/x.omni/_versions/1.manifest", ".hidden", "a..b")) {
      assertThat(ObjectKeys.requireKey(key)).isEqualTo(key);
    }
  }

  @Test
  void segmentLengthIsCountedInUtf8Bytes() {
    assertThat(ObjectKeys.requireKey("a/" + "x".repeat(200))).endsWith("x");
    assertThat(ObjectKeys.requireKey("a/" + "\u20ac".repeat(66))).endsWith("\u20ac");
    for (String tooLong :
        List.of("x".repeat(201), "\u20ac".repeat(67), "\uD834\uDD1E".repeat(51))) {
      assertThatThrownBy(() -> ObjectKeys.requireKey("a/" + tooLong + "/b"))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("longer than 200 bytes");
    }
  }

  @Test
  void prefixesMayEndInAPartialSegment() {
    for (String prefix : List.of("", "a", "a/", "a/b", "a/.", "a/..x", "a/.~og")) {
      assertThat(ObjectKeys.requirePrefix(prefix)).isEqualTo(prefix);
    }
  }

  @Test
  void orderIsByCodePointLikeUtf8Bytes() {
    List<String> keys = new ArrayList<>(List.of("\uD834\uDD1E", "\uFB00", "b", "a/b", "a", "ab"));
    keys.sort(ObjectKeys.ORDER);
    assertThat(keys).containsExactly("a", "a/b", "ab", "b", "\uFB00", "\uD834\uDD1E");
  }
}
