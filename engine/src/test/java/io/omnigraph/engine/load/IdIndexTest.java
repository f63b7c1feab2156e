package io.omnigraph.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdIndexTest {
  @Test
  void behavesLikeAMapThroughGrowth() {
    IdIndex ix = new IdIndex();
    Map<String, Integer> ref = new HashMap<>();
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 50_000; i++) {
      String k = "k" + r.nextInt(20_000);
      ix.put(k, i);
      ref.put(k, i);
    }
    assertThat(ix.size()).isEqualTo(ref.size());
    ref.forEach((k, v) -> assertThat(ix.get(k)).isEqualTo(v));
    assertThat(ix.get("absent")).isEqualTo(-1);
    assertThat(ix.get("")).isEqualTo(-1);
  }
}
