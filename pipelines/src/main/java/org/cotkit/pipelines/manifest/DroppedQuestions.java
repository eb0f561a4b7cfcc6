package org.cotkit.pipelines.manifest;

/**
 * The reasons deduplication and decontamination drop a record for, as the manifest's
 * {@code filtered_by_reason} names them: the record pass counts {@code filtered.<reason>}, the
 * manifest, {@code cotkit verify}, {@code cotkit stats} and the dataset card read them back.
 */
public final class DroppedQuestions {

  public static final String DUPLICATE = "duplicate";
  public static final String NEAR_DUPLICATE = "near_duplicate";
  public static final String CONTAMINATED = "contaminated";

  /** The count of records dropped for benchmark {@code i}: {@code contaminated_by.<i>}. */
  public static final String CONTAMINATED_BY = "contaminated_by.";

  private DroppedQuestions() {}

  /** The record pass's count of records filtered for {@code reason}. */
  public static String count(String reason) {
    return "filtered." + reason;
  }
}
