package dev.jamfmcp.simulator.groups;

/**
 * One smart group criterion as Jamf Pro's API spells it ({@code ComputerSmartGroupCriteriaV2},
 * {@code MobileDeviceSmartGroupCriteriaV2}): field name, search type, value, how it joins the one
 * before, and parentheses.
 */
public record Criterion(
    String name,
    int priority,
    String andOr,
    String searchType,
    String value,
    boolean openingParen,
    boolean closingParen) {

  /** A criterion joined with {@code and}, without parentheses. */
  public static Criterion of(int priority, String name, String searchType, String value) {
    return new Criterion(name, priority, "and", searchType, value, false, false);
  }
}
