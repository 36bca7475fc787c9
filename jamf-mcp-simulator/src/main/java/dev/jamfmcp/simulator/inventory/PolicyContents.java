package dev.jamfmcp.simulator.inventory;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a simulated policy does beyond its trigger and scope: packages (install or cache), script
 * parameters 4 to 11, the other triggers, excluded computers and Self Service text. A pure function
 * of the policy and the fleet, so every read of a policy agrees.
 *
 * @param packages packages with their Classic action, "Install" or "Cache"
 * @param scriptParameters parameter4..parameter11 for every script of the policy (8 values)
 * @param triggerLogin whether the policy also runs at login
 * @param triggerStartup whether the policy also runs at startup
 * @param triggerEnrollmentComplete whether the policy also runs when enrollment completes
 * @param excludedComputerIds computers excluded by id, beside the excluded groups
 * @param selfServiceDescription the description Self Service shows, empty when not offered
 */
public record PolicyContents(
    List<PackageAction> packages,
    List<String> scriptParameters,
    boolean triggerLogin,
    boolean triggerStartup,
    boolean triggerEnrollmentComplete,
    List<Integer> excludedComputerIds,
    String selfServiceDescription) {

  /** A package a policy deploys and what it does with it. */
  public record PackageAction(int id, String name, String action) {}

  /** Words in a policy name that say which package it installs. */
  private static final List<String[]> PACKAGE_WORDS =
      List.of(
          new String[] {"chrome", "1"},
          new String[] {"office", "2"},
          new String[] {"zoom", "3"},
          new String[] {"falcon", "4"},
          new String[] {"macos 26", "5"},
          new String[] {"wallpaper", "6"});

  public static PolicyContents of(Policy policy, List<AdminObjects.Package> packages, Computers c) {
    int id = policy.id();
    String name = policy.name().toLowerCase(Locale.ROOT);
    List<PackageAction> actions = new ArrayList<>();
    for (String[] word : PACKAGE_WORDS) {
      if (name.contains(word[0])) {
        AdminObjects.Package p = packages.get(Integer.parseInt(word[1]) - 1);
        // An upgrade is cached first and installed later; everything else installs at once.
        actions.add(
            new PackageAction(
                p.id(), p.packageName(), name.contains("upgrade") ? "Cache" : "Install"));
      }
    }
    if (actions.isEmpty() && id % 4 == 0) {
      AdminObjects.Package wallpaper = packages.get(packages.size() - 1);
      actions.add(new PackageAction(wallpaper.id(), wallpaper.packageName(), "Cache"));
    }
    List<String> parameters = new ArrayList<>(List.of("", "", "", "", "", "", "", ""));
    if (!policy.scriptIds().isEmpty()) {
      parameters.set(0, id % 2 == 0 ? "localadmin" : "policy-" + id);
      parameters.set(1, id % 3 == 0 ? "--verbose" : "");
    }
    // The Mac with the highest id stays out of every third policy, as a named exception.
    List<Integer> excluded = id % 3 == 0 && c.size() > 0 ? List.of(c.id(c.size() - 1)) : List.of();
    return new PolicyContents(
        List.copyOf(actions),
        List.copyOf(parameters),
        id % 4 == 1,
        id % 5 == 0,
        id % 7 == 0,
        excluded,
        policy.selfService() ? "Runs " + policy.name() + " on this Mac." : "");
  }
}
