package org.cotkit.pipelines.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedLayoutTest {

  static final Map<String, Map<String, Long>> ROWS = Map.of(
      "adaptive", Map.of("train", 192L, "validation", 8L),
      "tokenskip", Map.of("validation", 48L, "train", 1152L));

  @Test
  void modesThenAllThenMetadataEachWithTrainBeforeValidation() {
    PublishedLayout layout = PublishedLayout.of(ROWS, 100_000);
    assertEquals(List.of("tokenskip", "adaptive", "all", "metadata"),
        layout.configs().stream().map(PublishedLayout.Config::name).toList());
    assertEquals(List.of("tokenskip", "adaptive", "all"),
        layout.trainingConfigs().stream().map(PublishedLayout.Config::name).toList());
    assertEquals(Map.of("train", 1344L, "validation", 56L), layout.all().rowsBySplit());
    assertEquals(List.of("train", "validation"), List.copyOf(layout.all().rowsBySplit().keySet()));
    assertEquals(layout.all().rowsBySplit(), layout.configs().get(3).rowsBySplit());
  }

  @Test
  void filesAreNamedAsTheHubNamesShards() {
    PublishedLayout layout = PublishedLayout.of(ROWS, 500);
    PublishedLayout.Config tokenskip = layout.configs().get(0);
    assertEquals(List.of("data/tokenskip/train-00000-of-00003.parquet", "data/tokenskip/train-00001-of-00003.parquet",
        "data/tokenskip/train-00002-of-00003.parquet"), layout.files(tokenskip, "train"));
    assertEquals(List.of("data/tokenskip/validation-00000-of-00001.parquet"), layout.files(tokenskip, "validation"));
    assertEquals(2, layout.shards(tokenskip, "train") - 1);
    assertEquals(1, PublishedLayout.of(ROWS, 1152).shards(tokenskip, "train"));
    assertEquals(2, PublishedLayout.of(ROWS, 1151).shards(tokenskip, "train"));
    assertEquals("data/tokenskip/train-*.parquet", PublishedLayout.pattern("tokenskip", "train"));
  }

  @Test
  void otherSplitsAndModesFollowByName() {
    PublishedLayout layout = PublishedLayout.of(Map.of("zeta", Map.of("dev", 1L, "test", 2L, "train", 3L)), 10);
    assertEquals(List.of("train", "test", "dev"), List.copyOf(layout.all().rowsBySplit().keySet()));
    assertEquals("zeta", layout.configs().get(0).name());
    assertThrows(IllegalArgumentException.class, () -> PublishedLayout.of(ROWS, 0));
  }
}
