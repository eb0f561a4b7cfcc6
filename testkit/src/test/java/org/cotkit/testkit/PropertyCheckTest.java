package org.cotkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The property runner: it runs the tries asked for, the same inputs every run, growing inputs, and
 * a falsified property names the try, the seed and the input that reproduce it.
 */
class PropertyCheckTest {

  private final String triesBefore = System.getProperty(PropertyCheck.TRIES_SCALE_PROPERTY);
  private final String seedBefore = System.getProperty(PropertyCheck.SEED_PROPERTY);

  /** Each test sets what it needs: a longer run's -Dcotkit.tries.scale or -Dcotkit.seed must not change these. */
  @BeforeEach
  void clearProperties() {
    System.clearProperty(PropertyCheck.TRIES_SCALE_PROPERTY);
    System.clearProperty(PropertyCheck.SEED_PROPERTY);
  }

  @AfterEach
  void restoreProperties() {
    restore(PropertyCheck.TRIES_SCALE_PROPERTY, triesBefore);
    restore(PropertyCheck.SEED_PROPERTY, seedBefore);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void runsTheDefaultTriesTimesTheScaleTheSystemPropertyGives() {
    assertEquals(17, PropertyCheck.forAll("default", 17, (random, size) -> size, size -> {}));
    System.setProperty(PropertyCheck.TRIES_SCALE_PROPERTY, "3");
    assertEquals(51, PropertyCheck.forAll("longer", 17, (random, size) -> size, size -> {}));
    System.setProperty(PropertyCheck.TRIES_SCALE_PROPERTY, "0.001");
    assertEquals(1, PropertyCheck.forAll("shorter", 17, (random, size) -> size, size -> {}), "at least one try");
    System.setProperty(PropertyCheck.TRIES_SCALE_PROPERTY, "-1");
    assertThrows(IllegalArgumentException.class, () -> PropertyCheck.forAll("negative", 17, (random, size) -> size, size -> {}));
  }

  @Test
  void sizesGrowFromOneToTheMaximum() {
    List<Integer> sizes = new ArrayList<>();
    PropertyCheck.forAll("sizes", 50, (random, size) -> size, sizes::add);
    assertEquals(1, sizes.get(0));
    assertEquals(PropertyCheck.MAX_SIZE, sizes.get(sizes.size() - 1));
    for (int i = 1; i < sizes.size(); i++) {
      assertTrue(sizes.get(i) >= sizes.get(i - 1), "sizes " + sizes);
    }
  }

  @Test
  void theSameSeedDrawsTheSameInputsAndAnotherSeedOthers() {
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    PropertyCheck.forAll("draws", 20, (random, size) -> random.nextLong(), first::add);
    PropertyCheck.forAll("draws", 20, (random, size) -> random.nextLong(), second::add);
    assertEquals(first, second);

    System.setProperty(PropertyCheck.SEED_PROPERTY, "7");
    List<Long> reseeded = new ArrayList<>();
    PropertyCheck.forAll("draws", 20, (random, size) -> random.nextLong(), reseeded::add);
    assertTrue(reseeded.stream().noneMatch(first::contains), "another seed gave the same inputs");
  }

  @Test
  void aFalsifiedPropertyNamesTheTrySeedAndEscapedInput() {
    AssertionError failure = assertThrows(AssertionError.class, () -> PropertyCheck.forAll("no size over 20", 10,
        (random, size) -> "a\u00A0\n" + size, input -> assertTrue(Integer.parseInt(input.substring(3)) <= 20, "size over 20")));
    String message = failure.getMessage();
    // sizes are 1, 12, 23…: the third try is the first to fail
    assertTrue(message.startsWith("property 'no size over 20' falsified at try 3 of 10 (size 23, "), message);
    assertTrue(message.contains("-Dcotkit.seed=" + PropertyCheck.DEFAULT_SEED), message);
    assertTrue(message.contains("input: \"a\\u00A0\\n23\""), message);
    assertTrue(message.contains("size over 20"), message);
    assertTrue(message.lines().count() == 2, "the failure and the input, one line each: " + message);
  }

  @Test
  void errorsFalsifyAPropertyToo() {
    AssertionError failure = assertThrows(AssertionError.class,
        () -> PropertyCheck.forAll("overflows", 5, (random, size) -> size, size -> {
          throw new StackOverflowError();
        }));
    assertTrue(failure.getCause() instanceof StackOverflowError);
  }

  @Test
  void aTryThatNeverEndsFailsThePropertyWithItsInput() {
    AssertionError failure = assertThrows(AssertionError.class,
        () -> PropertyCheck.forAll("hangs", 5, 200, (random, size) -> "spin", input -> {
          while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
          }
        }));
    assertTrue(failure.getMessage().contains("did not finish within 200 ms"), failure.getMessage());
    assertTrue(failure.getMessage().contains("input: \"spin\""), failure.getMessage());
  }
}
