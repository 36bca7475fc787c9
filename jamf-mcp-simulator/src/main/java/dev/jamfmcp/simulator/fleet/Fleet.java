package dev.jamfmcp.simulator.fleet;

import dev.jamfmcp.simulator.rsql.RowFilter;
import dev.jamfmcp.simulator.rsql.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * A whole simulated Jamf Pro inventory, generated from a seed: the same seed, sizes and "now"
 * always give the same fleet. Read-only, so any number of request threads may share it; the only
 * mutable Jamf state (static group membership, MDM commands) lives outside.
 *
 * <p>Tests use the ground-truth helpers ({@link #countComputers(IntPredicate)}, {@link
 * #countComputers(String)}) to check what a client computed from the API.
 */
public final class Fleet {
  private final long seed;
  private final Instant now;
  private final Computers computers;
  private final Table computerTable;
  private final List<MobileDevice> mobileDevices;
  private final List<Department> departments;
  private final List<Building> buildings;
  private final List<Category> categories;
  private final List<Script> scripts;
  private final List<SmartGroup> smartGroups;
  private final List<StaticGroup> staticGroups;
  private final List<Policy> policies;
  private final List<ConfigProfile> macProfiles;
  private final List<ConfigProfile> mobileProfiles;
  private final List<PatchTitle> patchTitles;
  private final Map<String, Integer> mobileByManagementId = new HashMap<>();
  private volatile Map<String, Integer> computerByManagementId;

  private Fleet(long seed, Instant now, int computerCount, int mobileCount) {
    this.seed = seed;
    this.now = now;
    SplittableRandom random = new SplittableRandom(seed);
    this.computers = new ComputerGenerator(random.split(), now).generate(seed, computerCount);
    this.computerTable = new Table(ComputerFields.of(computers), computerCount, true);
    this.mobileDevices = new MobileDeviceGenerator(random.split(), now, seed).generate(mobileCount);
    this.departments = ReferenceData.departments();
    this.buildings = ReferenceData.buildings();
    this.categories = ReferenceData.categories();
    this.scripts = ReferenceData.scripts(categories);
    this.patchTitles = ReferenceData.patchTitles();
    ScopeGenerator scopes = new ScopeGenerator(random.split(), computerTable, mobileCount, now);
    this.smartGroups = scopes.smartGroups();
    this.staticGroups = scopes.staticGroups(smartGroups.size() + 1);
    this.policies = scopes.policies(smartGroups, staticGroups, scripts);
    this.macProfiles = scopes.macProfiles(smartGroups, staticGroups);
    this.mobileProfiles = scopes.mobileProfiles();
    mobileDevices.forEach(d -> mobileByManagementId.put(d.managementId(), d.id()));
  }

  /** Generates a fleet; {@code now} anchors last-contact and report dates. */
  public static Fleet generate(long seed, int computers, int mobileDevices, Instant now) {
    return new Fleet(seed, now, computers, mobileDevices);
  }

  public long seed() {
    return seed;
  }

  public Instant now() {
    return now;
  }

  public Computers computers() {
    return computers;
  }

  /** The computers as a filterable, sortable table (fields named as in the inventory API). */
  public Table computerTable() {
    return computerTable;
  }

  public List<MobileDevice> mobileDevices() {
    return mobileDevices;
  }

  public List<Department> departments() {
    return departments;
  }

  public List<Building> buildings() {
    return buildings;
  }

  public List<Category> categories() {
    return categories;
  }

  public List<Script> scripts() {
    return scripts;
  }

  public List<SmartGroup> smartGroups() {
    return smartGroups;
  }

  public List<StaticGroup> staticGroups() {
    return staticGroups;
  }

  public List<Policy> policies() {
    return policies;
  }

  public List<ConfigProfile> macProfiles() {
    return macProfiles;
  }

  public List<ConfigProfile> mobileProfiles() {
    return mobileProfiles;
  }

  public List<PatchTitle> patchTitles() {
    return patchTitles;
  }

  /** Ground truth: how many computers satisfy {@code rowPredicate} (rows are {@code id - 1}). */
  public int countComputers(IntPredicate rowPredicate) {
    return computerTable.count(rowPredicate);
  }

  /** Ground truth for an RSQL filter, evaluated without HTTP. */
  public int countComputers(String rsqlFilter) {
    return countComputers(RowFilter.compile(rsqlFilter, computerTable.fields()));
  }

  public Optional<MobileDevice> mobileDevice(long id) {
    return id >= 1 && id <= mobileDevices.size()
        ? Optional.of(mobileDevices.get((int) id - 1))
        : Optional.empty();
  }

  public Optional<SmartGroup> smartGroup(long id) {
    return smartGroups.stream().filter(g -> g.id() == id).findFirst();
  }

  public Optional<Script> script(long id) {
    return scripts.stream().filter(s -> s.id() == id).findFirst();
  }

  public Optional<Policy> policy(long id) {
    return policies.stream().filter(p -> p.id() == id).findFirst();
  }

  public String categoryName(int id) {
    return id >= 1 && id <= categories.size()
        ? categories.get(id - 1).name()
        : "No category assigned";
  }

  /** Which device a management id belongs to, for MDM commands and blank pushes. */
  public Optional<ManagedDevice> deviceByManagementId(String managementId) {
    Integer computerId = computerIndex().get(managementId);
    if (computerId != null) {
      return Optional.of(new ManagedDevice(ManagedDevice.Kind.COMPUTER, computerId));
    }
    Integer mobileId = mobileByManagementId.get(managementId);
    return mobileId == null
        ? Optional.empty()
        : Optional.of(new ManagedDevice(ManagedDevice.Kind.MOBILE_DEVICE, mobileId));
  }

  /** Built on first use: management ids are derived on read, so mapping back needs an index. */
  private Map<String, Integer> computerIndex() {
    Map<String, Integer> index = computerByManagementId;
    if (index == null) {
      synchronized (this) {
        if (computerByManagementId == null) {
          Map<String, Integer> built = new HashMap<>(computers.size() * 2);
          for (int row = 0; row < computers.size(); row++) {
            String id = computers.managementId(row);
            if (id != null) { // unmanaged Macs have none
              built.put(id, row + 1);
            }
          }
          computerByManagementId = built;
        }
        index = computerByManagementId;
      }
    }
    return index;
  }
}
