package dev.jamfmcp.tools;

import java.util.EnumSet;
import java.util.Set;

/** Groups of tools an operator can switch on or off as a whole. */
public enum Toolset {
  /** Computers: search, details, compliance, fleet overview, security posture. */
  DEVICES,
  /** iPhones, iPads and Apple TVs. */
  MOBILE,
  /** Policies, including executePolicy. */
  POLICIES,
  /** Configuration profiles. */
  PROFILES,
  /** Scripts. */
  SCRIPTS,
  /** Computer groups, including static membership changes. */
  GROUPS,
  /** MDM commands and inventory updates. */
  MDM,
  /** Patch management titles. */
  PATCH,
  /**
   * Packages, sites, end users, PreStages, extension attributes, apps, mobile groups, device
   * history and installed software.
   */
  INVENTORY,
  /** The search and fetch pair that ChatGPT deep research and company knowledge require. */
  CHATGPT,
  /**
   * Secrets of a Mac (FileVault recovery key, LAPS password, device-lock PIN), shown only to a
   * person on the approval page; and the LAPS settings.
   */
  SECRETS,
  /** Managed software updates: OS update plans, their status, and creating plans. */
  UPDATES;

  /**
   * The toolsets the executable offers unless the operator names others: the reads admins ask for
   * most, within the context budget of docs/TOOLS.md (25 KB of {@code tools/list}). A new toolset
   * is not a default unless added here, with the budget test still green.
   */
  public static Set<Toolset> defaults() {
    return EnumSet.of(DEVICES, MOBILE, INVENTORY, PATCH, CHATGPT);
  }
}
