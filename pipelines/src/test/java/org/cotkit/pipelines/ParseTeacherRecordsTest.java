package org.cotkit.pipelines;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ParseTeacherRecordsTest implements Serializable {

  private static final String FILE = "/data/teacher.jsonl";

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final String GOOD_1 = "{\"id\": \"a\", \"question\": \"What is 2+3?\", \"answer\": 5, \"long_cot\": \"2+3=5\"}";
  private static final String INVALID_JSON = "{\"id\": \"b\", \"question\": ";
  private static final String NO_QUESTION = "{\"id\": \"c\", \"long_cot\": \"thinking\"}";
  private static final String GOOD_2 = "{\"id\": 4, \"question\": \"Why?\", \"short_cot\": \"Because.\", \"samples\": [\"x\"]}";

  private static RawRecord at(long line, String text) {
    return RawRecord.of(FILE, line, text);
  }

  private PCollection<List<RawRecord>> input(List<List<RawRecord>> batches) {
    return pipeline.apply(Create.of(batches).withCoder(BatchCoder.of(RawRecord.class)));
  }

  private static PCollection<TeacherRecord> flatten(PCollection<List<TeacherRecord>> batches) {
    return batches.apply("Flatten records",
        FlatMapElements.into(TypeDescriptor.of(TeacherRecord.class)).via((List<TeacherRecord> batch) -> batch));
  }

  @Test
  public void goodRecordsPassBadOnesAreDeadLetteredAndBlankLinesCounted() {
    List<RawRecord> first = List.of(at(1, GOOD_1), at(2, ""), at(3, INVALID_JSON));
    List<RawRecord> second = List.of(at(4, NO_QUESTION), at(5, GOOD_2), at(6, "   \t"));
    PCollectionTuple parsed =
        input(List.of(first, second)).apply(new ParseTeacherRecords(FieldMapping.identity(), InputPreset.NONE));

    PAssert.that(flatten(parsed.get(ParseTeacherRecords.RECORDS)))
        .containsInAnyOrder(
            new TeacherRecord("a", "What is 2+3?", "5", "2+3=5", null, List.of(), null, null, at(1, GOOD_1)),
            new TeacherRecord("4", "Why?", null, null, "Because.", List.of(new TeacherSample("x", null)), null, null,
                at(5, GOOD_2)));

    PAssert.that(parsed.get(ParseTeacherRecords.RECORDS)).satisfies(batches -> {
      int count = 0;
      for (List<TeacherRecord> batch : batches) {
        assertTrue("no empty batches", !batch.isEmpty());
        count++;
      }
      assertEquals("one batch of records per input batch", 2, count);
      return null;
    });

    PAssert.that(parsed.get(ParseTeacherRecords.DEAD_LETTERS)).satisfies(letters -> {
      Map<Long, DeadLetter> byLine = new TreeMap<>();
      letters.forEach(letter -> byLine.put(letter.line(), letter));
      assertEquals(List.of(3L, 4L), new ArrayList<>(byLine.keySet()));
      for (DeadLetter letter : byLine.values()) {
        assertEquals("parse", letter.stage());
        assertEquals(FILE, letter.file());
      }
      DeadLetter invalid = byLine.get(3L);
      assertTrue(invalid.reason(), invalid.reason().startsWith("not valid JSON"));
      assertEquals(INVALID_JSON, invalid.raw());
      DeadLetter noQuestion = byLine.get(4L);
      assertTrue(noQuestion.reason(), noQuestion.reason().contains("'question'"));
      assertEquals(NO_QUESTION, noQuestion.raw());
      return null;
    });

    PAssert.thatSingleton(parsed.get(ParseTeacherRecords.BLANK_LINES).apply(Sum.longsGlobally())).isEqualTo(2L);
    PAssert.that(parsed.get(ParseTeacherRecords.BLANK_LINES)).containsInAnyOrder(1L, 1L);

    pipeline.run().waitUntilFinish();
  }

  @Test
  public void readErrorsAreDeadLetteredNotCountedAsBlankAndMappingNamesFields() {
    List<RawRecord> batch = List.of(
        new RawRecord(FILE, 1, "", "cannot read file: boom"),
        new RawRecord(FILE, 2, "{\"problem\": \"caf\uFFFD\"}", "not valid UTF-8"),
        at(3, "{\"response\": \"r\"}"),
        at(4, ""),
        at(5, ""),
        at(6, "[1, 2]"));
    PCollectionTuple parsed =
        input(List.of(batch)).apply(new ParseTeacherRecords(FieldMapping.parse("question=problem,long_cot=response"), InputPreset.NONE));

    PAssert.that(parsed.get(ParseTeacherRecords.RECORDS)).empty();
    PAssert.that(parsed.get(ParseTeacherRecords.DEAD_LETTERS)).satisfies(letters -> {
      Map<Long, String> reasons = new TreeMap<>();
      letters.forEach(letter -> reasons.put(letter.line(), letter.reason()));
      assertEquals(List.of(1L, 2L, 3L, 6L), new ArrayList<>(reasons.keySet()));
      assertEquals("cannot read file: boom", reasons.get(1L));
      assertEquals("not valid UTF-8", reasons.get(2L));
      assertTrue(reasons.get(3L), reasons.get(3L).contains("'problem'"));
      assertEquals("not a JSON object", reasons.get(6L));
      return null;
    });
    PAssert.thatSingleton(parsed.get(ParseTeacherRecords.BLANK_LINES)).isEqualTo(2L);

    pipeline.run().waitUntilFinish();
  }

  @Test
  public void gsm8kPresetAppliesInThePipeline() {
    String line = "{\"question\": \"Q\", \"answer\": \"Half is 48/2 = <<48/2=24>>24.\\n#### 1,024\"}";
    String noMarker = "{\"question\": \"Q2\", \"answer\": \"no marker\"}";
    PCollectionTuple parsed =
        input(List.of(List.of(at(1, line), at(2, noMarker)))).apply(new ParseTeacherRecords(FieldMapping.identity(), InputPreset.GSM8K));

    PAssert.that(flatten(parsed.get(ParseTeacherRecords.RECORDS))).satisfies(records -> {
      List<TeacherRecord> all = new ArrayList<>();
      records.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals("1024", all.get(0).answer());
      assertEquals("Half is 48/2 = 24.", all.get(0).shortCot());
      return null;
    });
    PAssert.that(parsed.get(ParseTeacherRecords.DEAD_LETTERS)).satisfies(letters -> {
      List<DeadLetter> all = new ArrayList<>();
      letters.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals(2L, all.get(0).line());
      assertTrue(all.get(0).reason(), all.get(0).reason().contains("preset gsm8k"));
      return null;
    });
    PAssert.that(parsed.get(ParseTeacherRecords.BLANK_LINES)).empty();

    pipeline.run().waitUntilFinish();
  }
}
