package org.cotkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --budget-scale}: each question's DAST budget times the factor of its domain, written per row. */
class BudgetScaleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] DOMAINS = {"Math", "history", "biology"};

  @TempDir Path dir;

  /** The first records of the sample, with graded samples, in three domains by turns. */
  private Path input() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(CompressCommandTest.SAMPLE)) {
      ObjectNode record = (ObjectNode) JSON.readTree(line);
      if (record.path("samples").size() > 0 && lines.size() < 30) {
        record.put("domain", DOMAINS[lines.size() % 3]);
        lines.add(JSON.writeValueAsString(record));
      }
    }
    return Files.write(dir.resolve("domains.jsonl"), lines);
  }

  private Map<String, Map<String, Object>> build(Path input, String name, String... options) throws Exception {
    Path output = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("build", "--input", input.toString(), "--output", output.toString(),
        "--ratios", "0.5", "--keep-incorrect"));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    Map<String, Map<String, Object>> rows = new HashMap<>();
    for (Map<String, Object> row : Parquet.query(output, "SELECT * FROM rows WHERE mode = 'adaptive'")) {
      rows.put((String) row.get("source_id"), row);
    }
    return rows;
  }

  @Test
  void eachBudgetIsMultipliedByItsDomainsFactorAndTheFactorIsWrittenPerRow() throws Exception {
    Path input = input();
    Map<String, Map<String, Object>> plain = build(input, "plain");
    Map<String, Map<String, Object>> scaled = build(input, "scaled", "--budget-scale", "math=1.5,History=0.5");
    Map<String, String> domains = new HashMap<>();
    for (String line : Files.readAllLines(input)) {
      JsonNode record = JSON.readTree(line);
      domains.put(record.get("id").asText(), record.get("domain").asText());
    }
    assertEquals(plain.keySet(), scaled.keySet());
    assertTrue(plain.size() >= 20, "adaptive rows: " + plain.size());
    for (String id : plain.keySet()) {
      double factor = switch (domains.get(id)) {
        case "Math" -> 1.5;
        case "history" -> 0.5;
        default -> 1.0;
      };
      Integer base = (Integer) plain.get(id).get("token_budget");
      assertTrue(base != null && base > 0, id);
      assertEquals(Math.round(base * factor), ((Integer) scaled.get(id).get("token_budget")).longValue(), id);
      assertEquals(factor, (Double) scaled.get(id).get("budget_scale"), id);
      assertEquals(null, plain.get(id).get("budget_scale"), id);
    }
    JsonNode options = JSON.readTree(dir.resolve("scaled/manifest.json").toFile()).get("options");
    assertEquals(Map.of("history", 0.5, "math", 1.5), JSON.convertValue(options.get("budget_scale"), Map.class));
  }

  @Test
  void aMalformedScaleIsAUsageErrorNamingTheEntry() throws Exception {
    for (String spec : new String[] {"math", "math=", "math=fast", "math=0", "math=1,MATH=2"}) {
      CliRun run = CliRun.of("build", "--input", CompressCommandTest.SAMPLE.toString(), "--output",
          dir.resolve("never").toString(), "--budget-scale", spec);
      assertEquals(2, run.exitCode(), spec + ": " + run.err());
      assertTrue(run.err().contains("--budget-scale"), spec + ": " + run.err());
      assertEquals(2, run.err().strip().lines().count(), "one line and the pointer to --help: " + run.err());
    }
  }
}
