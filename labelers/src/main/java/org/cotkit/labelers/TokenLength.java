package org.cotkit.labelers;

/**
 * How many tokens a text is, for length evidence and token budgets. Labelers do not segment text
 * themselves; the caller supplies the same counting it prunes with (words by default), so budgets
 * and lengths are in the unit the dataset reports.
 */
@FunctionalInterface
public interface TokenLength {

  int of(String text);
}
