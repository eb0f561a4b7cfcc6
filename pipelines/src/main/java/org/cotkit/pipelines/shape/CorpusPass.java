package org.cotkit.pipelines.shape;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.cotkit.pipelines.io.InputChunk;
import org.cotkit.pipelines.io.SerializedFile;
import org.cotkit.pipelines.record.InputSettings;
import org.cotkit.pipelines.record.RecordBatchReader;

/**
 * The corpus pass: the chunks are dealt into a fixed number of shards, each shard reads and parses
 * its chunks one after another and adds every batch to its tally of each statistic, and the tallies
 * of each statistic are merged once, on one worker, into its result. Memory holds one batch per
 * worker and the shards' tallies, however large the input.
 *
 * <p>Tallies and results are files in the run's temporary directory ({@link SerializedFile}), and
 * only their paths travel through the pipeline: the direct runner clones every value of a group or
 * a combine (encodes and decodes it) each time it adds one, which for count tables of millions of
 * entries cost more than computing them. The output is the result file of each statistic, by name;
 * the tallies' files are deleted once merged.
 */
public final class CorpusPass extends PTransform<PCollection<InputChunk>, PCollection<KV<String, String>>> {

  /**
   * Shards the tallying is dealt into: enough to keep every worker of a mid-sized cluster busy, few
   * enough that their tallies, which the merge reads, stay few.
   */
  static final int SHARDS = 16;

  private final InputSettings input;
  private final List<CorpusStatistic<?>> statistics;
  private final String tempDirectory;

  /** @param tempDirectory where tallies and results are written; unique to the run */
  public CorpusPass(InputSettings input, List<CorpusStatistic<?>> statistics, String tempDirectory) {
    if (statistics.isEmpty()) {
      throw new IllegalArgumentException("a corpus pass needs at least one statistic");
    }
    this.input = input;
    this.statistics = List.copyOf(statistics);
    this.tempDirectory = tempDirectory;
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<InputChunk> chunks) {
    return chunks
        .apply("DealIntoShards", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(InputChunk.class)))
            .via(chunk -> KV.of(Math.floorMod(chunk.hashCode(), SHARDS), chunk)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(InputChunk.class)))
        .apply("GroupShards", GroupByKey.create())
        .apply("TallyShards", ParDo.of(new TallyShardFn(input, statistics, tempDirectory)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("GatherTallies", GroupByKey.create())
        .apply("MergeTallies", ParDo.of(new MergeFn(statistics, tempDirectory)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** Tallies a shard's chunks; outputs the file of each statistic's tally, keyed by its name. */
  private static final class TallyShardFn extends DoFn<KV<Integer, Iterable<InputChunk>>, KV<String, String>> {
    private final InputSettings input;
    private final List<CorpusStatistic<?>> statistics;
    private final String tempDirectory;
    // progress while the corpus is tallied, before any record is written
    private final Counter recordsCounted = Metrics.counter("cotkit", "records_counted");
    private transient RecordBatchReader reader;

    TallyShardFn(InputSettings input, List<CorpusStatistic<?>> statistics, String tempDirectory) {
      this.input = input;
      this.statistics = statistics;
      this.tempDirectory = tempDirectory;
    }

    @Setup
    public void setup() {
      reader = new RecordBatchReader(input);
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<InputChunk>> shard, OutputReceiver<KV<String, String>> out) {
      List<Tallying<?>> tallies = new ArrayList<>(statistics.size());
      for (CorpusStatistic<?> statistic : statistics) {
        tallies.add(Tallying.of(statistic));
      }
      for (InputChunk chunk : shard.getValue()) {
        reader.read(chunk, batch -> {
          for (Tallying<?> tally : tallies) {
            tally.add(batch);
          }
          recordsCounted.inc(batch.linesRead());
        });
      }
      for (Tallying<?> tally : tallies) {
        // a retried shard writes a file of its own; the merge reads the paths that were output
        String path = tempDirectory + "/" + tally.statistic.name() + "-tally-" + shard.getKey() + "-"
            + UUID.randomUUID() + ".bin";
        SerializedFile.write(path, tally.tally);
        out.output(KV.of(tally.statistic.name(), path));
      }
    }
  }

  /** A statistic with its tally, so the tally's type is known where batches are added. */
  private record Tallying<T extends Serializable>(CorpusStatistic<T> statistic, T tally) {
    static <T extends Serializable> Tallying<T> of(CorpusStatistic<T> statistic) {
      return new Tallying<>(statistic, statistic.newTally());
    }

    void add(RecordBatchReader.Batch batch) {
      statistic.add(tally, batch.records());
    }
  }

  /** Merges one statistic's tallies into its result and writes it; outputs the result's file. */
  private static final class MergeFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    private final Map<String, CorpusStatistic<?>> byName;
    private final String tempDirectory;

    MergeFn(List<CorpusStatistic<?>> statistics, String tempDirectory) {
      this.byName = new HashMap<>();
      statistics.forEach(statistic -> byName.put(statistic.name(), statistic));
      this.tempDirectory = tempDirectory;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> tallyFiles, OutputReceiver<KV<String, String>> out) {
      String name = tallyFiles.getKey();
      List<String> paths = new ArrayList<>();
      tallyFiles.getValue().forEach(paths::add);
      Serializable result = merge(byName.get(name), paths);
      String resultPath = tempDirectory + "/" + name + "-" + UUID.randomUUID() + ".bin";
      SerializedFile.write(resultPath, result);
      SerializedFile.delete(paths);
      out.output(KV.of(name, resultPath));
    }

    private static <T extends Serializable> Serializable merge(CorpusStatistic<T> statistic, List<String> paths) {
      @SuppressWarnings("unchecked")
      Class<T> type = (Class<T>) statistic.newTally().getClass();
      Iterator<String> files = paths.iterator();
      return statistic.merge(new Iterator<T>() {
        @Override
        public boolean hasNext() {
          return files.hasNext();
        }

        @Override
        public T next() {
          return SerializedFile.read(files.next(), type);
        }
      });
    }
  }
}
