package org.cotkit.testkit;

import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks a property on many generated inputs: cotkit's property-based tests. Each try draws its
 * input from a {@link Random} seeded from the run's seed, the property's name and the try's number,
 * so a run is reproducible and a failure names what reproduces it. Inputs grow from small to large
 * over the tries, so the first failing input tends to be a small one (there is no shrinking). A try
 * that runs past {@link #TRY_TIMEOUT_SECONDS} fails too: a hang is a bug like any other.
 *
 * <p>A longer run: {@code -Dcotkit.tries.scale=50} runs every property 50 times its default tries;
 * {@code -Dcotkit.seed=S} draws other inputs than the default seed's. Surefire hands both from the
 * Maven command line to the test JVM.
 */
public final class PropertyCheck {

  /**
   * System property: a factor on every property's default tries, {@code 50} for a longer run,
   * {@code 0.1} for a quick one. A factor rather than a count keeps each property's share of the
   * run: a property whose inputs are long has fewer tries than one whose inputs are short.
   */
  public static final String TRIES_SCALE_PROPERTY = "cotkit.tries.scale";
  /** System property: the seed all inputs are drawn from. */
  public static final String SEED_PROPERTY = "cotkit.seed";
  /** A property's tries unless it names its own: all properties together add seconds to {@code mvn verify}. */
  public static final int DEFAULT_TRIES = 300;
  /** Fixed, so that every build checks the same inputs and a failure in CI reproduces locally. */
  public static final long DEFAULT_SEED = 20_260_101L;
  /** How long one try may run: far longer than any check takes, short enough to end a hang. */
  public static final int TRY_TIMEOUT_SECONDS = 20;
  /** The size of the last try's input; generators read it as a length, count or depth scale. */
  public static final int MAX_SIZE = 100;

  /** Draws one input; {@code size} (1 to {@link #MAX_SIZE}) says how large it may be. */
  @FunctionalInterface
  public interface Generator<T> {
    T next(Random random, int size);
  }

  /** What must hold for every input; a thrown exception or error falsifies it. */
  @FunctionalInterface
  public interface Check<T> {
    void check(T input) throws Exception;
  }

  private PropertyCheck() {}

  /** {@link #forAll(String, int, Generator, Check)} with {@link #DEFAULT_TRIES}. */
  public static <T> int forAll(String name, Generator<T> generator, Check<T> check) {
    return forAll(name, DEFAULT_TRIES, generator, check);
  }

  /**
   * Checks {@code check} on {@code defaultTries} inputs (times {@code -Dcotkit.tries.scale}), and
   * prints a line with the tries run: the count a longer run can be seen to honour.
   *
   * @return the number of tries run
   * @throws AssertionError naming the try, the seed and the input when the check fails on one
   */
  public static <T> int forAll(String name, int defaultTries, Generator<T> generator, Check<T> check) {
    return forAll(name, defaultTries, TRY_TIMEOUT_SECONDS * 1000L, generator, check);
  }

  static <T> int forAll(String name, int defaultTries, long timeoutMillis, Generator<T> generator, Check<T> check) {
    int tries = tries(defaultTries);
    long seed = seed();
    long started = System.nanoTime();
    // checks run on a thread of their own, so that a try that never ends fails the property with
    // its input instead of hanging the build; that thread has the default stack size, as a pipeline
    // worker's threads do
    ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "property " + name);
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (int i = 0; i < tries; i++) {
        int size = tries == 1 ? MAX_SIZE : 1 + (int) ((long) i * (MAX_SIZE - 1) / (tries - 1));
        T input = generator.next(new Random(trySeed(seed, name, i)), size);
        Throwable failure = run(worker, check, input, timeoutMillis);
        if (failure != null) {
          throw new AssertionError(String.format(
              "property '%s' falsified at try %d of %d (size %d, -D%s=%d): %s%n  input: %s",
              name, i + 1, tries, size, SEED_PROPERTY, seed, Escaped.of(failure), Escaped.of(input)), failure);
        }
      }
    } finally {
      worker.shutdownNow();
    }
    System.out.printf("property %s: %d tries passed in %d ms (seed %d)%n", name, tries,
        (System.nanoTime() - started) / 1_000_000, seed);
    return tries;
  }

  /** What the check threw on {@code input} (errors such as StackOverflowError too); null if it held. */
  private static <T> Throwable run(ExecutorService worker, Check<T> check, T input, long timeoutMillis) {
    Future<?> result = worker.submit(() -> {
      check.check(input);
      return null;
    });
    try {
      result.get(timeoutMillis, TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      // the thread cannot be stopped; it is a daemon, and the failed build ends it
      result.cancel(true);
      return new AssertionError("the check did not finish within " + timeoutMillis + " ms (a hang, or a runaway cost)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  static int tries(int defaultTries) {
    String value = System.getProperty(TRIES_SCALE_PROPERTY);
    double scale = value == null || value.isBlank() ? 1 : Double.parseDouble(value.strip());
    if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("-D" + TRIES_SCALE_PROPERTY + " must be a positive number, got " + value);
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(defaultTries * scale)));
  }

  static long seed() {
    String value = System.getProperty(SEED_PROPERTY);
    return value == null || value.isBlank() ? DEFAULT_SEED : Long.parseLong(value.strip());
  }

  /** SplitMix64's finaliser: neighbouring tries and similar names get unrelated streams. */
  static long trySeed(long seed, String name, int attempt) {
    long z = seed + 0x9E3779B97F4A7C15L * (attempt + 1) + ((long) name.hashCode() << 32);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
