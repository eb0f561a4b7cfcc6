package org.cotkit.pipelines.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import org.cotkit.pipelines.io.WrittenFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetCardTest {

  static final Map<String, Map<String, Long>> ROWS = Map.of(
      "tokenskip", Map.of("train", 1152L, "validation", 48L),
      "adaptive", Map.of("train", 192L, "1", 8L));

  /** A build's manifest with the sections a reader looks for, dedup and decontamination included. */
  static final String SOURCE = """
      {"command": "build", "cotkit_version": "0.2.0",
       "command_line": ["cotkit", "build", "--input", "in put.jsonl", "--instruction", "Think: step by step | # now"],
       "options": {"scorer": "n-gram", "length_unit": "tokens", "tokenizer": "/t/tokenizer.json",
                   "ratios": [0.5, 1.0], "tags": ["[simple]", "[complex]"], "force_tokens": []},
       "counts": {"records_read": 210, "records_written": 200, "rows_written": 1400, "dead_lettered": 0,
                  "filtered": 10, "filtered_by_reason": {"duplicate": 4, "contaminated": 6}},
       "deduplication": {"mode": "near", "jaccard_threshold": 0.8, "duplicates": 3, "near_duplicates": 1},
       "decontamination": {"ngram": 8, "benchmarks": [{"file": "math500.jsonl", "questions": 500, "contaminated": 6}]},
       "quality": {"0.5": {"numbers_kept": {"value": 1.0, "of": 2092}, "words_per_kept_run": {"value": 2.068, "of": 3995},
                           "latex_pairs_balanced": {"value": null, "of": 0}}}}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"org/1.0", "org/yes", "org/null", "org/gsm8k-tokenskip"})
  void frontMatterParsesBackToWhatWasMeant(String repoId) throws Exception {
    PublishedLayout layout = PublishedLayout.of(ROWS, 100_000);
    String card = DatasetCard.of(settings(repoId, "Apache-2.0"), layout,
        List.of(new WrittenFile("data/all/train-00000-of-00001.parquet", 1344, 1000, "x"),
            new WrittenFile("data/all/1-00000-of-00001.parquet", 8, 20, "y")),
        new ObjectMapper().readTree(SOURCE), "figures");
    JsonNode yaml = new YAMLMapper().readTree(card.substring(4, card.indexOf("\n---\n", 4) + 1));
    assertTrue(yaml.path("pretty_name").isTextual(), yaml.toString());
    assertEquals(repoId.substring(4), yaml.path("pretty_name").asText());
    assertEquals("apache-2.0", yaml.path("license").asText());
    assertEquals("1K<n<10K", yaml.path("size_categories").path(0).asText());
    JsonNode all = yaml.path("configs").path(2);
    assertEquals("all", all.path("config_name").asText());
    assertTrue(all.path("default").asBoolean());
    assertEquals("1", all.path("data_files").path(2).path("split").asText());
    assertTrue(all.path("data_files").path(2).path("split").isTextual(), "a split named 1 stays a string");
    JsonNode info = yaml.path("dataset_info").path(2);
    assertEquals(1020, info.path("download_size").asLong());
    assertEquals(1152 + 192, info.path("splits").path(0).path("num_examples").asLong());
    JsonNode messages = info.path("features").path(0);
    assertEquals("messages", messages.path("name").asText());
    assertEquals("role", messages.path("list").path(0).path("name").asText(), "messages is a list of structs");
    assertEquals("string", messages.path("list").path(1).path("dtype").asText());
  }

  @Test
  void bodyHasTheRecipeTheFilterCountsAndTheQualityFigures() throws Exception {
    String card = DatasetCard.of(settings("org/demo", "mit"), PublishedLayout.of(ROWS, 100_000), List.of(),
        new ObjectMapper().readTree(SOURCE), "Rows by split, mode, γ and difficulty\n  train  tokenskip  0.5");
    String body = card.substring(card.indexOf("\n---\n", 4));
    assertTrue(body.contains("- command line: `cotkit build --input 'in put.jsonl' --instruction 'Think: step by step | # now'`"), body);
    assertTrue(body.endsWith("## Figures\n\nAs `cotkit stats` reports them for the source dataset:\n\n```\n"
        + "Rows by split, mode, γ and difficulty\n  train  tokenskip  0.5\n```\n"), body);
    assertTrue(body.contains("- cotkit version: 0.2.0"), body);
    assertTrue(body.contains("- length unit: `tokens`\n- tokenizer: `/t/tokenizer.json`\n- target ratios γ: `0.5, 1.0`"), body);
    assertTrue(body.contains("- forced tokens: none"), body);
    assertTrue(body.contains("Filtered by reason: duplicate 4, near duplicate 0, contaminated 6."), body);
    assertTrue(body.contains("Deduplication: mode near, jaccard threshold 0.8, duplicates 3, near duplicates 1."), body);
    assertTrue(body.contains("| `math500.jsonl` | 500 | 6 |"), body);
    assertTrue(body.contains("| 0.5 | 100.0% (2,092) | 2.07 (3,995) | – (0) |"), body);
    assertTrue(body.contains("load_dataset(\"org/demo\", \"tokenskip\")"), body);
    assertTrue(body.contains("dataset: demo_tokenskip_train\neval_dataset: demo_tokenskip_validation\n"), body);
  }

  @Test
  void sizeCategoriesAreTheHubs() {
    assertEquals("n<1K", DatasetCard.sizeCategory(999));
    assertEquals("1K<n<10K", DatasetCard.sizeCategory(1_000));
    assertEquals("100K<n<1M", DatasetCard.sizeCategory(999_999));
  }

  static PublishSettings settings(String repoId, String license) {
    return new PublishSettings("/in", "/out/demo", repoId, PublishFormat.MESSAGES, license, 100_000, false,
        List.of("cotkit", "publish"));
  }
}
