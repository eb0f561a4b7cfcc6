package org.cotkit.pipelines.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.resourcehints.ResourceHints;
import org.cotkit.pipelines.io.InputFormat;
import org.cotkit.pipelines.record.CotPreference;
import org.cotkit.pipelines.record.InputPreset;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.record.RecordLimits;
import org.cotkit.pipelines.record.TeacherRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one pipeline shape on the bundled sample with a bad line and a blank line added, cut into
 * many chunks and run on four workers: the corpus pass sees every parsed record exactly once and
 * every worker of the record pass reads the merged statistics, counts balance, dead letters and
 * blank lines are accounted for, and the statistics' files are gone at the end.
 */
class ChunkedPipelineTest {

  static final Path SAMPLE = Path.of("..", "samples", "gsm8k-teacher.jsonl");
  static final int SAMPLE_RECORDS = 200;

  @TempDir static Path dir;
  static Path output;
  static JsonNode manifest;

  @BeforeAll
  static void runOnTheSample() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE));
    lines.add(37, "{\"question\": ");
    lines.add(81, "");
    Path input = dir.resolve("teacher.jsonl");
    Files.write(input, lines);
    output = dir.resolve("out");

    DirectOptions options = PipelineOptionsFactory.create().as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    options.setTargetParallelism(4);
    Pipeline pipeline = Pipeline.create(options);
    InputSettings settings = new InputSettings(input.toString(), output.toString(), InputFormat.AUTO, "",
        InputPreset.NONE, CotPreference.LONG, 7, new RecordLimits(1 << 20, false, 1.0));
    ChunkedPipeline.build(pipeline, settings, new CheckStatisticsWork(), ResourceHints.create(),
        new LinkedHashMap<>(Map.of("command", "test")), List.of("records_read"));
    assertEquals(PipelineResult.State.DONE, pipeline.run().waitUntilFinish());
    manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
  }

  @Test
  void everyParsedRecordIsTalliedOnceAndEveryWorkerSeesTheTotal() {
    // the work counts, per record, whether the statistic it read equals the corpus's record count
    JsonNode counts = manifest.path("counts");
    assertEquals(SAMPLE_RECORDS, counts.path("records_written").asLong());
    assertEquals(0, manifest.path("examples").path("statistic").path("wrong").asLong());
    assertEquals(SAMPLE_RECORDS, manifest.path("examples").path("statistic").path("right").asLong());
  }

  @Test
  void countsBalanceWithTheBadLineDeadLetteredAndTheBlankLineFiltered() throws IOException {
    JsonNode counts = manifest.path("counts");
    assertEquals(SAMPLE_RECORDS + 2, counts.path("records_read").asLong());
    assertEquals(1, counts.path("dead_lettered_by_stage").path("parse").asLong());
    assertEquals(1, counts.path("filtered_by_reason").path("blank_line").asLong());
    assertTrue(counts.path("balanced").asBoolean(), counts.toString());
    try (Stream<Path> errors = Files.list(output.resolve("errors"))) {
      String letter = Files.readString(errors.findFirst().orElseThrow());
      assertEquals(38, new ObjectMapper().readTree(letter).path("line").asLong(), letter);
    }
  }

  @Test
  void theStatisticsFilesAreDeletedAtTheEnd() throws IOException {
    try (Stream<Path> left = Files.list(output)) {
      List<String> names = left.map(path -> path.getFileName().toString()).sorted().toList();
      assertEquals(List.of("errors", "manifest.json"), names);
    }
  }

  /** How many records the corpus has, tallied per shard. */
  static final class RecordCount implements CorpusStatistic<long[]> {
    @Override
    public String name() {
      return "record-count";
    }

    @Override
    public long[] newTally() {
      return new long[1];
    }

    @Override
    public void add(long[] tally, List<TeacherRecord> batch) {
      tally[0] += batch.size();
    }

    @Override
    public Serializable merge(Iterator<long[]> tallies) {
      long total = 0;
      while (tallies.hasNext()) {
        total += tallies.next()[0];
      }
      return total;
    }
  }

  /** Writes nothing; counts each record as written, and whether the statistic it read is right. */
  static final class CheckStatisticsWork implements RecordWork {
    @Override
    public List<CorpusStatistic<?>> statistics() {
      return List.of(new RecordCount());
    }

    @Override
    public BatchProcessor open(CorpusStatistics statistics) {
      long total = statistics.get("record-count", Long.class);
      return (batch, out) -> {
        out.count("records_written", batch.size());
        out.count("examples.statistic." + (total == SAMPLE_RECORDS ? "right" : "wrong"), batch.size());
      };
    }
  }
}
