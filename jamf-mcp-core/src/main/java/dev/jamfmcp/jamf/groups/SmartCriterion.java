package dev.jamfmcp.jamf.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One smart group criterion ({@code ComputerSmartGroupCriteriaV2}, {@code
 * MobileDeviceSmartGroupCriteriaV2}): the field {@code name}, its {@code priority} (0, 1, 2, ... in
 * order), {@code andOr} joining it to the one before ({@code and} or {@code or}), {@code
 * searchType} (is, like, more than x days ago, ...), {@code value}, and parentheses.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SmartCriterion(
    String name,
    int priority,
    String andOr,
    String searchType,
    String value,
    boolean openingParen,
    boolean closingParen) {}
