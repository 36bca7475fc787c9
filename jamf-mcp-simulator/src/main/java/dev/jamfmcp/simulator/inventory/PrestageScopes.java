package dev.jamfmcp.simulator.inventory;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The device scope of the PreStage enrollments of one kind (computer or mobile): which serial
 * numbers each PreStage holds, as Jamf Pro keeps it. A serial is in at most one PreStage of its
 * kind; every accepted change increments the PreStage's {@code versionLock}, and a change that
 * carries another versionLock is refused (Jamf's optimistic lock, 409). Thread-safe.
 *
 * <p>Seeded from the fleet: the first computers (and mobile devices) of the fleet are assigned, so
 * that some devices are in a PreStage, some in the other one, and the rest in none.
 */
public final class PrestageScopes {

  /** Computers seeded into a PreStage: ids 1 to this; ids divisible by 4 go to the second one. */
  static final int SEEDED_COMPUTERS = 48;

  /** Mobile devices seeded into a PreStage: ids 1 to this; ids divisible by 3 go to the second. */
  static final int SEEDED_MOBILE_DEVICES = 24;

  /** One device in a scope. */
  public record Assignment(String serialNumber, Instant assignmentDate, String userAssigned) {}

  /** A PreStage's scope as one consistent snapshot. */
  public record Scope(int prestageId, List<Assignment> assignments, int versionLock) {}

  /** Why a change was refused; nothing was changed. */
  public sealed interface Refusal {
    /** The versionLock sent is not the current one (409). */
    record StaleVersionLock(int current) implements Refusal {}

    /** Serial numbers of no device of this kind (400). */
    record UnknownSerials(List<String> serials) implements Refusal {}

    /** Serial numbers another PreStage holds (400, {@code ALREADY_SCOPED}). */
    record AlreadyScoped(List<String> serials) implements Refusal {}
  }

  /** The outcome of a change: the new scope, or why nothing was changed. */
  public record Change(Scope scope, Refusal refusal) {}

  private static final class Entry {
    final LinkedHashMap<String, Assignment> assignments = new LinkedHashMap<>();
    int versionLock = 1;
  }

  private final Map<Integer, Entry> prestages = new TreeMap<>();
  private final Map<String, Integer> prestageOfSerial = new HashMap<>();
  private final Set<String> knownSerials;

  private PrestageScopes(Collection<Integer> prestageIds, Set<String> knownSerials) {
    prestageIds.forEach(id -> prestages.put(id, new Entry()));
    this.knownSerials = knownSerials;
  }

  /** The computer PreStages' scopes, seeded from the fleet. */
  public static PrestageScopes computers(Fleet fleet, Collection<Integer> prestageIds) {
    Computers computers = fleet.computers();
    Set<String> serials = new HashSet<>();
    for (int row = 0; row < computers.size(); row++) {
      serials.add(computers.serialNumber(row));
    }
    PrestageScopes scopes = new PrestageScopes(prestageIds, serials);
    int seeded = Math.min(SEEDED_COMPUTERS, computers.size());
    for (int row = 0; row < seeded; row++) {
      int id = computers.id(row);
      scopes.seed(id % 4 == 0 ? 2 : 1, computers.serialNumber(row), fleet.now(), id);
    }
    return scopes;
  }

  /** The mobile device PreStages' scopes, seeded from the fleet. */
  public static PrestageScopes mobileDevices(Fleet fleet, Collection<Integer> prestageIds) {
    List<MobileDevice> devices = fleet.mobileDevices();
    Set<String> serials = new HashSet<>();
    devices.forEach(d -> serials.add(d.serialNumber()));
    PrestageScopes scopes = new PrestageScopes(prestageIds, serials);
    for (MobileDevice d : devices.subList(0, Math.min(SEEDED_MOBILE_DEVICES, devices.size()))) {
      scopes.seed(d.id() % 3 == 0 ? 2 : 1, d.serialNumber(), fleet.now(), d.id());
    }
    return scopes;
  }

  private void seed(int prestageId, String serial, Instant now, int daysAgo) {
    Entry entry = prestages.get(prestageId);
    if (entry != null) {
      entry.assignments.put(
          serial, new Assignment(serial, now.minus(Duration.ofDays(30L + daysAgo)), "admin"));
      prestageOfSerial.put(serial, prestageId);
    }
  }

  public synchronized boolean exists(int prestageId) {
    return prestages.containsKey(prestageId);
  }

  /** The scope of one PreStage, or null when there is no such PreStage. */
  public synchronized Scope scope(int prestageId) {
    Entry entry = prestages.get(prestageId);
    return entry == null ? null : snapshot(prestageId, entry);
  }

  /** Every serial in a PreStage, to the PreStage's id. */
  public synchronized Map<String, Integer> prestageOfEachSerial() {
    return Map.copyOf(prestageOfSerial);
  }

  /**
   * Adds serials to a PreStage that exists. Refused whole when the versionLock is stale, a serial
   * is unknown, or another PreStage holds one; a serial this PreStage holds already stays as it is.
   */
  public synchronized Change add(
      int prestageId, List<String> serials, int versionLock, String user, Instant now) {
    Entry entry = prestages.get(prestageId);
    if (entry.versionLock != versionLock) {
      return new Change(null, new Refusal.StaleVersionLock(entry.versionLock));
    }
    List<String> unknown = serials.stream().filter(s -> !knownSerials.contains(s)).toList();
    if (!unknown.isEmpty()) {
      return new Change(null, new Refusal.UnknownSerials(unknown));
    }
    List<String> elsewhere = new ArrayList<>();
    for (String serial : serials) {
      Integer holder = prestageOfSerial.get(serial);
      if (holder != null && holder != prestageId) {
        elsewhere.add(serial);
      }
    }
    if (!elsewhere.isEmpty()) {
      return new Change(null, new Refusal.AlreadyScoped(elsewhere));
    }
    for (String serial : serials) {
      entry.assignments.putIfAbsent(serial, new Assignment(serial, now, user));
      prestageOfSerial.put(serial, prestageId);
    }
    entry.versionLock++;
    return new Change(snapshot(prestageId, entry), null);
  }

  /** Removes serials from a PreStage that exists; serials it does not hold are ignored. */
  public synchronized Change remove(int prestageId, List<String> serials, int versionLock) {
    Entry entry = prestages.get(prestageId);
    if (entry.versionLock != versionLock) {
      return new Change(null, new Refusal.StaleVersionLock(entry.versionLock));
    }
    for (String serial : serials) {
      if (entry.assignments.remove(serial) != null) {
        prestageOfSerial.remove(serial);
      }
    }
    entry.versionLock++;
    return new Change(snapshot(prestageId, entry), null);
  }

  private static Scope snapshot(int prestageId, Entry entry) {
    return new Scope(prestageId, List.copyOf(entry.assignments.values()), entry.versionLock);
  }
}
