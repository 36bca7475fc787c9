package dev.jamfmcp.tools.prompts;

import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.prompt.PromptArgument;
import dev.jamfmcp.mcp.prompt.PromptMessage;
import dev.jamfmcp.tools.support.Catalog;
import java.util.List;
import java.util.Map;

/** Prompts that walk a model through common Jamf jobs using this server's tools. */
public final class JamfPrompts {
  private JamfPrompts() {}

  public static void register(Catalog catalog) {
    catalog.prompt(
        new Prompt(
            "troubleshoot-device",
            "Troubleshoot a device",
            "Investigate one computer: check-in, OS, encryption, security, and what to do next.",
            List.of(
                new PromptArgument(
                    "identifier", "Jamf id, serial number, UDID or name of the computer", true),
                new PromptArgument("symptom", "What the user reports, in their words", false)),
            (args, ctx) ->
                List.of(
                    PromptMessage.user(
                        "Troubleshoot the Mac \""
                            + args.get("identifier")
                            + "\""
                            + symptom(args)
                            + ".\n1. Call getDeviceDetails with identifier \""
                            + args.get("identifier")
                            + "\" (if it lists several computers, ask me which one).\n2. Check lastContactTime: more than"
                            + " 7 days means the device is not checking in; say so first.\n3. Check the macOS version"
                            + " against getSecurityPosture's newestVersion, FileVault, SIP, Gatekeeper and firewall.\n"
                            + "4. Give a short diagnosis and concrete next steps, separating what Jamf Pro shows from"
                            + " what you infer. Do not run any write tool without asking me."))));
    catalog.prompt(
        new Prompt(
            "compliance-review",
            "Compliance review",
            "Review check-in compliance, with exact counts and the worst offenders.",
            List.of(
                new PromptArgument(
                    "days", "Days without check-in that count as noncompliant (default 30)", false),
                new PromptArgument(
                    "department", "Limit the review to this department (name)", false)),
            (args, ctx) -> {
              String days = args.getOrDefault("days", "30");
              String dept = args.get("department");
              return List.of(
                  PromptMessage.user(
                      "Review check-in compliance"
                          + (dept == null ? "" : " for the " + dept + " department")
                          + ".\nCall checkDeviceCompliance with daysSinceLastCheckin "
                          + days
                          + (dept == null ? "" : " and department \"" + dept + "\"")
                          + ". Report total, noncompliant,"
                          + " critical90Plus and warning exactly as returned (they are exact counts, not samples),"
                          + " list the ten oldest check-ins with their users, say whether the list was truncated,"
                          + " and suggest follow-ups (contact users, check enrollment, retire hardware)."));
            }));
    catalog.prompt(
        new Prompt(
            "roll-out-policy-safely",
            "Roll out a policy safely",
            "Plan a staged roll-out of a policy: pilot, verify, widen.",
            List.of(
                new PromptArgument("policy", "Policy id or name", true),
                new PromptArgument("pilotGroup", "A computer group to pilot with", false)),
            (args, ctx) ->
                List.of(
                    PromptMessage.user(
                        "Plan a safe roll-out of the policy \""
                            + args.get("policy")
                            + "\""
                            + (args.get("pilotGroup") == null
                                ? ""
                                : " starting with the group \"" + args.get("pilotGroup") + "\"")
                            + ".\n1. Use search and fetch (or the policy tools) to read"
                            + " the policy: trigger, frequency, scope, scripts and packages.\n2. Propose a pilot of a few"
                            + " computers, how to verify success, and the stages after it.\n3. Remember that Jamf Pro has"
                            + " no 'run now' call: a policy runs at check-in or on its trigger; re-running means flushing"
                            + " its log. Any change needs my explicit confirmation."))));
    catalog.prompt(
        new Prompt(
            "fleet-health-report",
            "Fleet health report",
            "A one-page health report of the Mac fleet for a chosen audience.",
            List.of(
                new PromptArgument(
                    "audience",
                    "Who reads it, e.g. CIO, IT team, security (default IT team)",
                    false)),
            (args, ctx) ->
                List.of(
                    PromptMessage.user(
                        "Write a fleet health report for "
                            + args.getOrDefault("audience", "the IT team")
                            + ".\nCall getFleetOverview, getSecurityPosture"
                            + " and checkDeviceCompliance (includeDevices false). Use only the numbers they return (all"
                            + " exact), show percentages of the total, name the three biggest risks (e.g. FileVault off,"
                            + " old macOS, devices not checking in) and one recommended action for each."))));
  }

  private static String symptom(Map<String, String> args) {
    String s = args.get("symptom");
    return s == null || s.isBlank() ? "" : "; the user reports: " + s;
  }
}
