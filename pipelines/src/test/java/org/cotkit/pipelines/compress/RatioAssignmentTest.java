package org.cotkit.pipelines.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RatioAssignmentTest {

  private static final double[] SIX = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  @Test
  void allReturnsEveryRatioAscendingAndDeduplicated() {
    RatioAssignment all = new RatioAssignment(new double[] {0.7, 0.5, 1.0, 0.5, 0.7}, RatioAssignment.Mode.ALL, 1);
    assertArrayEquals(new double[] {0.5, 0.7, 1.0}, all.ratiosFor("a"));
    assertArrayEquals(new double[] {0.5, 0.7, 1.0}, all.ratiosFor("b"));
  }

  @Test
  void allReturnsACopy() {
    RatioAssignment all = new RatioAssignment(new double[] {0.5, 1.0}, RatioAssignment.Mode.ALL, 1);
    all.ratiosFor("a")[0] = 0.9;
    assertArrayEquals(new double[] {0.5, 1.0}, all.ratiosFor("a"));
  }

  @Test
  void constructorDoesNotKeepTheCallersArray() {
    double[] ratios = {0.5, 1.0};
    RatioAssignment all = new RatioAssignment(ratios, RatioAssignment.Mode.ALL, 1);
    ratios[0] = 0.9;
    assertArrayEquals(new double[] {0.5, 1.0}, all.ratiosFor("a"));
  }

  @Test
  void oneReturnsOneOfTheRatios() {
    RatioAssignment one = new RatioAssignment(SIX, RatioAssignment.Mode.ONE, 42);
    for (int i = 0; i < 200; i++) {
      double[] drawn = one.ratiosFor("id-" + i);
      assertEquals(1, drawn.length);
      assertTrue(Arrays.stream(SIX).anyMatch(r -> r == drawn[0]), "drawn " + drawn[0]);
    }
  }

  @Test
  void oneIsTheSameForTheSameIdAndSeedAcrossCallsAndInstances() throws Exception {
    RatioAssignment first = new RatioAssignment(SIX, RatioAssignment.Mode.ONE, 42);
    RatioAssignment second = new RatioAssignment(new double[] {1.0, 0.9, 0.5, 0.8, 0.6, 0.7, 0.5}, RatioAssignment.Mode.ONE, 42);
    RatioAssignment copy = roundTrip(first);
    for (int i = 0; i < 500; i++) {
      String id = "q-" + i;
      double drawn = first.ratiosFor(id)[0];
      assertEquals(drawn, first.ratiosFor(id)[0], id);
      assertEquals(drawn, second.ratiosFor(id)[0], id);
      assertEquals(drawn, copy.ratiosFor(id)[0], id);
    }
  }

  @Test
  void differentSeedsChangeSomeDraws() {
    RatioAssignment a = new RatioAssignment(SIX, RatioAssignment.Mode.ONE, 1);
    RatioAssignment b = new RatioAssignment(SIX, RatioAssignment.Mode.ONE, 2);
    int differ = 0;
    for (int i = 0; i < 1000; i++) {
      if (a.ratiosFor("id-" + i)[0] != b.ratiosFor("id-" + i)[0]) {
        differ++;
      }
    }
    // independent draws differ 5/6 of the time
    assertTrue(differ > 700 && differ < 950, "draws that differ: " + differ);
  }

  @Test
  void oneSpreadsIdsEvenlyOverTheRatios() {
    for (long seed : new long[] {0, 7, -12345}) {
      RatioAssignment one = new RatioAssignment(SIX, RatioAssignment.Mode.ONE, seed);
      Map<Double, Integer> counts = new HashMap<>();
      int n = 6000;
      for (int i = 0; i < n; i++) {
        counts.merge(one.ratiosFor("record-" + i)[0], 1, Integer::sum);
      }
      assertEquals(6, counts.size(), "seed " + seed + ": " + counts);
      for (Map.Entry<Double, Integer> entry : counts.entrySet()) {
        double share = entry.getValue() / (double) n;
        assertTrue(share >= 0.12 && share <= 0.22, "seed " + seed + ", ratio " + entry.getKey() + ": " + share);
      }
    }
  }

  @Test
  void singleRatioIsAlwaysDrawn() {
    RatioAssignment one = new RatioAssignment(new double[] {0.6}, RatioAssignment.Mode.ONE, 3);
    assertArrayEquals(new double[] {0.6}, one.ratiosFor("anything"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.5, 1.0000001, 2.0, Double.NaN, Double.POSITIVE_INFINITY})
  void ratiosOutsideZeroToOneAreRejected(double bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RatioAssignment(new double[] {0.5, bad}, RatioAssignment.Mode.ALL, 1));
    assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
  }

  @Test
  void emptyRatiosAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new RatioAssignment(new double[0], RatioAssignment.Mode.ONE, 1));
    assertThrows(IllegalArgumentException.class, () -> new RatioAssignment(new double[0], RatioAssignment.Mode.ALL, 1));
  }

  private static RatioAssignment roundTrip(RatioAssignment assignment) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(assignment);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (RatioAssignment) in.readObject();
    }
  }
}
