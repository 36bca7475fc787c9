package dev.jamfmcp.simulator.fleet;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Static computer groups with their current membership: the one piece of inventory the API can
 * change.
 */
public final class StaticGroupStore {
  private record Entry(StaticGroup group, Set<Integer> members) {}

  private final Map<Integer, Entry> groups = new ConcurrentSkipListMap<>();

  public StaticGroupStore(Collection<StaticGroup> initial) {
    initial.forEach(g -> groups.put(g.id(), new Entry(g, Set.copyOf(g.computerIds()))));
  }

  /** Current state of every group, by id. */
  public List<StaticGroup> all() {
    return groups.values().stream().map(Entry::group).toList();
  }

  public Optional<StaticGroup> find(long id) {
    return Optional.ofNullable(
            groups.get((int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, id))))
        .map(Entry::group);
  }

  public boolean contains(int groupId, int computerId) {
    Entry entry = groups.get(groupId);
    return entry != null && entry.members().contains(computerId);
  }

  /** Replaces a group's name, description and members; returns the group as it was before. */
  public Optional<StaticGroup> replace(
      int id, String name, String description, List<Integer> computerIds) {
    Entry[] before = new Entry[1];
    groups.computeIfPresent(
        id,
        (key, old) -> {
          before[0] = old;
          List<Integer> sorted = computerIds.stream().distinct().sorted().toList();
          return new Entry(new StaticGroup(id, name, description, sorted), Set.copyOf(sorted));
        });
    return Optional.ofNullable(before[0]).map(Entry::group);
  }
}
