package org.cotkit.labelers;

import java.util.Optional;

/** Decides whether a question is simple or complex from the evidence it needs, if present. */
@FunctionalInterface
public interface DifficultyPolicy {

  /** A decision and the name of the policy that made it; empty when the evidence is missing. */
  record Decision(Difficulty difficulty, String source) {}

  Optional<Decision> decide(QuestionEvidence evidence);
}
