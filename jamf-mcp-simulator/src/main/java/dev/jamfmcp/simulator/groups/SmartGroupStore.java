package dev.jamfmcp.simulator.groups;

import dev.jamfmcp.simulator.fleet.Computers;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.fleet.MobileDevice;
import dev.jamfmcp.simulator.fleet.SmartGroup;
import dev.jamfmcp.simulator.fleet.StaticGroup;
import dev.jamfmcp.simulator.fleet.StaticGroupStore;
import dev.jamfmcp.simulator.inventory.AdminObjects;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Smart computer groups and smart mobile device groups as they are now: generated with the fleet,
 * then created and edited through the API. Membership is computed from the criteria on every save
 * (the fleet's inventory does not change, so it stays right until the next save). Ids follow Jamf:
 * computer smart and static groups share one sequence, mobile smart and static groups another;
 * names are unique within those same sets.
 */
public final class SmartGroupStore {

  public enum Platform {
    COMPUTER,
    MOBILE
  }

  /** A smart group now; {@code members} holds device rows ({@code id - 1}). */
  public record Group(
      int id,
      String name,
      String description,
      String siteId,
      List<Criterion> criteria,
      BitSet members) {
    public Group {
      criteria = List.copyOf(criteria);
      members = (BitSet) members.clone();
    }

    public int membershipCount() {
      return members.cardinality();
    }

    public boolean contains(int row) {
      return members.get(row);
    }

    @Override
    public BitSet members() {
      return (BitSet) members.clone();
    }
  }

  /** Why a save was refused: 400 (invalid) or 422 (the name is taken). */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Map<Platform, Map<Integer, Group>> groups = new EnumMap<>(Platform.class);
  private final Map<Platform, CriteriaCompiler> compilers = new EnumMap<>(Platform.class);
  private final Map<Platform, Supplier<List<String>>> staticNames = new EnumMap<>(Platform.class);
  private final Map<Platform, Supplier<List<Integer>>> staticIds = new EnumMap<>(Platform.class);
  private final Map<Platform, Integer> deviceCount = new EnumMap<>(Platform.class);
  private final Computers computers;
  private final List<MobileDevice> mobileDevices;

  public SmartGroupStore(Fleet fleet, StaticGroupStore statics) {
    this.computers = fleet.computers();
    this.mobileDevices = fleet.mobileDevices();
    long now = fleet.now().toEpochMilli();
    compilers.put(Platform.COMPUTER, new CriteriaCompiler(SmartFields.computer(fleet), now));
    compilers.put(Platform.MOBILE, new CriteriaCompiler(SmartFields.mobile(fleet), now));
    deviceCount.put(Platform.COMPUTER, computers.size());
    deviceCount.put(Platform.MOBILE, mobileDevices.size());
    staticNames.put(
        Platform.COMPUTER, () -> statics.all().stream().map(StaticGroup::name).toList());
    staticIds.put(Platform.COMPUTER, () -> statics.all().stream().map(StaticGroup::id).toList());
    List<AdminObjects.MobileGroup> mobileGroups = AdminObjects.of(fleet).mobileGroups();
    List<AdminObjects.MobileGroup> mobileStatics =
        mobileGroups.stream().filter(g -> !g.smart()).toList();
    staticNames.put(
        Platform.MOBILE, () -> mobileStatics.stream().map(AdminObjects.MobileGroup::name).toList());
    staticIds.put(
        Platform.MOBILE, () -> mobileStatics.stream().map(AdminObjects.MobileGroup::id).toList());
    Map<Integer, Group> computerGroups = new ConcurrentSkipListMap<>();
    for (SmartGroup g : fleet.smartGroups()) {
      computerGroups.put(
          g.id(),
          new Group(
              g.id(),
              g.name(),
              g.description(),
              "-1",
              GeneratedCriteria.of(g.criteria(), fleet),
              g.memberRows()));
    }
    groups.put(Platform.COMPUTER, computerGroups);
    Map<Integer, Group> mobile = new ConcurrentSkipListMap<>();
    for (AdminObjects.MobileGroup g : mobileGroups) {
      if (g.smart()) {
        BitSet rows = new BitSet(mobileDevices.size());
        g.memberIds().forEach(id -> rows.set(id - 1));
        mobile.put(
            g.id(),
            new Group(
                g.id(),
                g.name(),
                g.description(),
                "-1",
                List.of(Criterion.of(0, g.criterion(), g.operator(), g.value())),
                rows));
      }
    }
    groups.put(Platform.MOBILE, mobile);
  }

  /** Every smart group of the platform, by id. */
  public List<Group> all(Platform platform) {
    return List.copyOf(groups.get(platform).values());
  }

  public Optional<Group> find(Platform platform, long id) {
    return id < Integer.MIN_VALUE || id > Integer.MAX_VALUE
        ? Optional.empty()
        : Optional.ofNullable(groups.get(platform).get((int) id));
  }

  /** The criterion field names the simulator evaluates for the platform. */
  public List<String> fieldNames(Platform platform) {
    return compilers.get(platform).fieldNames();
  }

  /** Computes which devices the criteria select, without saving anything. */
  public BitSet evaluate(Platform platform, String siteId, List<Criterion> criteria) {
    IntPredicate test = compilers.get(platform).compile(criteria);
    int site = site(siteId);
    BitSet rows = new BitSet();
    for (int row = 0; row < deviceCount.get(platform); row++) {
      if ((site < 0 || siteOf(platform, row) == site) && test.test(row)) {
        rows.set(row);
      }
    }
    return rows;
  }

  /** Creates a group; throws {@link Refused} for invalid criteria or a name in use. */
  public synchronized Group create(
      Platform platform, String name, String description, String siteId, List<Criterion> criteria) {
    String cleanName = requireName(name);
    BitSet members = evaluateOrRefuse(platform, siteId, criteria);
    requireFreeName(platform, cleanName, -1);
    int id =
        1
            + Math.max(
                groups.get(platform).keySet().stream().mapToInt(i -> i).max().orElse(0),
                staticIds.get(platform).get().stream().mapToInt(i -> i).max().orElse(0));
    Group group =
        new Group(
            id, cleanName, description == null ? "" : description, norm(siteId), criteria, members);
    groups.get(platform).put(id, group);
    return group;
  }

  /** Replaces a group's definition and recomputes its members; empty when no such group. */
  public synchronized Optional<Group> update(
      Platform platform,
      int id,
      String name,
      String description,
      String siteId,
      List<Criterion> criteria) {
    Group before = groups.get(platform).get(id);
    if (before == null) {
      return Optional.empty();
    }
    String cleanName = requireName(name);
    BitSet members = evaluateOrRefuse(platform, siteId, criteria);
    requireFreeName(platform, cleanName, id);
    Group after =
        new Group(
            id,
            cleanName,
            description == null ? before.description() : description,
            norm(siteId),
            criteria,
            members);
    groups.get(platform).put(id, after);
    return Optional.of(after);
  }

  private BitSet evaluateOrRefuse(Platform platform, String siteId, List<Criterion> criteria) {
    try {
      return evaluate(platform, siteId, criteria);
    } catch (InvalidCriteria e) {
      throw new Refused(400, e.getMessage());
    }
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new Refused(400, "name is required");
    }
    if (name.length() > 255) {
      throw new Refused(400, "name is longer than 255 characters");
    }
    return name.trim();
  }

  private void requireFreeName(Platform platform, String name, int exceptId) {
    List<String> taken = new ArrayList<>(staticNames.get(platform).get());
    groups.get(platform).values().stream()
        .filter(g -> g.id() != exceptId)
        .forEach(g -> taken.add(g.name()));
    String wanted = name.toLowerCase(Locale.ROOT);
    if (taken.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(wanted))) {
      throw new Refused(422, "A group named '" + name + "' already exists");
    }
  }

  private static String norm(String siteId) {
    return siteId == null || siteId.isBlank() ? "-1" : siteId.trim();
  }

  /** -1 for no site; refuses a site that does not exist. */
  private static int site(String siteId) {
    String s = norm(siteId);
    if (s.equals("-1")) {
      return -1;
    }
    try {
      int id = Integer.parseInt(s);
      if (id >= 1 && id <= Computers.SITES.size()) {
        return id;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidCriteria("Site " + s + " does not exist");
  }

  private int siteOf(Platform platform, int row) {
    return platform == Platform.COMPUTER ? computers.siteId(row) : mobileDevices.get(row).siteId();
  }
}
