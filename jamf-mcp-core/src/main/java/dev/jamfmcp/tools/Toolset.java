package dev.jamfmcp.tools;

import java.util.EnumSet;
import java.util.Set;

/** Groups of tools an operator can switch on or off as a whole. */
public enum Toolset {
  /** Computers: search, details, compliance, fleet overview, security posture. */
  DEVICES("Computers: search, details, compliance, fleet overview, security posture"),
  /** iPhones, iPads and Apple TVs. */
  MOBILE("iPhones, iPads and Apple TVs"),
  /** Policies, including executePolicy. */
  POLICIES("Policies: contents, run (executePolicy), enable or disable"),
  /** Configuration profiles. */
  PROFILES("Configuration profiles"),
  /** Scripts. */
  SCRIPTS("Scripts"),
  /** Computer groups, including static membership changes. */
  GROUPS("Computer groups, smart criteria, static membership changes"),
  /** MDM commands and inventory updates. */
  MDM("MDM commands (lock, erase, restart, ...) and inventory updates"),
  /** Patch management titles. */
  PATCH("Patch titles and versions"),
  /**
   * Packages, sites, end users, PreStages, extension attributes, apps, mobile groups, device
   * history and installed software.
   */
  INVENTORY(
      "Packages, sites, end users, PreStages, extension attributes, apps, mobile groups, device"
          + " history, installed software"),
  /** The search and fetch pair that ChatGPT deep research and company knowledge require. */
  CHATGPT("search and fetch for ChatGPT deep research"),
  /**
   * Secrets of a Mac (FileVault recovery key, LAPS password, device-lock PIN), shown only to a
   * person on the approval page; and the LAPS settings.
   */
  SECRETS(
      "FileVault key, LAPS password, device-lock PIN (shown on the approval page); LAPS settings"),
  /** PreStage enrollment (Automated Device Enrollment) assignments of devices. */
  ENROLLMENT("Assign devices to PreStage enrollments (Automated Device Enrollment)"),
  /** Managed software updates: OS update plans, their status, and creating plans. */
  UPDATES("OS update plans and their status; creating plans");

  private final String description;

  Toolset(String description) {
    this.description = description;
  }

  /** One line on what the toolset covers ({@code listToolsets} shows it). */
  public String description() {
    return description;
  }

  /**
   * The toolsets the executable offers unless the operator names others: the reads admins ask for
   * most, within the context budget of docs/TOOLS.md (25 KB of {@code tools/list}). A new toolset
   * is not a default unless added here, with the budget test still green.
   */
  public static Set<Toolset> defaults() {
    return EnumSet.of(DEVICES, MOBILE, INVENTORY, PATCH, CHATGPT);
  }
}
