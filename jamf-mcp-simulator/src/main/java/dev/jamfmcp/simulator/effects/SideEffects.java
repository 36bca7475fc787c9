package dev.jamfmcp.simulator.effects;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the simulated Jamf Pro was asked to change, in arrival order, for tests to inspect.
 * Thread-safe: request threads record while a test reads.
 */
public final class SideEffects {
  private final Clock clock;
  private final Duration acknowledgeAfter;
  private final Map<String, MdmCommand> commands = new ConcurrentHashMap<>();
  private final List<String> commandOrder = new CopyOnWriteArrayList<>();
  private final List<BlankPush> blankPushes = new CopyOnWriteArrayList<>();
  private final List<LogFlush> logFlushes = new CopyOnWriteArrayList<>();
  private final List<CommandFlush> commandFlushes = new CopyOnWriteArrayList<>();
  private final List<UpdatePlanCreation> updatePlans = new CopyOnWriteArrayList<>();
  private final List<GroupMembershipChange> groupChanges = new CopyOnWriteArrayList<>();
  private final Map<Integer, Boolean> policyEnabled = new ConcurrentHashMap<>();
  private final List<SmartGroupSave> smartGroupSaves = new CopyOnWriteArrayList<>();

  /**
   * @param acknowledgeAfter delay before a command counts as acknowledged; null = never by itself
   */
  public SideEffects(Clock clock, Duration acknowledgeAfter) {
    this.clock = clock;
    this.acknowledgeAfter = acknowledgeAfter;
  }

  public Instant now() {
    return clock.instant();
  }

  public MdmCommand queueCommand(
      String managementId, String clientType, int deviceId, String commandType) {
    Instant now = clock.instant();
    MdmCommand command =
        new MdmCommand(
            UUID.randomUUID().toString(),
            managementId,
            clientType,
            deviceId,
            commandType,
            now,
            acknowledgeAfter == null ? null : now.plus(acknowledgeAfter),
            null);
    commands.put(command.uuid(), command);
    commandOrder.add(command.uuid());
    return command;
  }

  /** Every queued command, oldest first. */
  public List<MdmCommand> mdmCommands() {
    return commandOrder.stream().map(commands::get).toList();
  }

  public Optional<MdmCommand> mdmCommand(String uuid) {
    return Optional.ofNullable(commands.get(uuid));
  }

  /** The device answers the command now; false if there is no such command. */
  public boolean acknowledge(String uuid) {
    Instant now = clock.instant();
    return commands.computeIfPresent(
            uuid, (id, c) -> c.completedAt(now) != null ? c : c.acknowledged(now))
        != null;
  }

  public void acknowledgeAll() {
    commandOrder.forEach(this::acknowledge);
  }

  public void recordBlankPush(List<String> managementIds, List<String> unknownIds) {
    blankPushes.add(
        new BlankPush(clock.instant(), List.copyOf(managementIds), List.copyOf(unknownIds)));
  }

  public List<BlankPush> blankPushes() {
    return List.copyOf(blankPushes);
  }

  public void recordLogFlush(
      String log, Integer policyId, String interval, List<Integer> computerIds) {
    logFlushes.add(
        new LogFlush(clock.instant(), log, policyId, interval, List.copyOf(computerIds)));
  }

  public List<LogFlush> logFlushes() {
    return List.copyOf(logFlushes);
  }

  /** Records a command flush of devices of one type ({@code computer} or {@code mobile}). */
  public void recordCommandFlush(
      String deviceType, List<Integer> deviceIds, boolean pending, boolean failed) {
    commandFlushes.add(
        new CommandFlush(clock.instant(), deviceType, List.copyOf(deviceIds), pending, failed));
  }

  public List<CommandFlush> commandFlushes() {
    return List.copyOf(commandFlushes);
  }

  /** Whether a flush since cleared the device's command in that state, issued at {@code issued}. */
  public boolean flushed(String deviceType, int deviceId, boolean pending, Instant issued) {
    return commandFlushes.stream().anyMatch(f -> f.clears(deviceType, deviceId, pending, issued));
  }

  public void recordGroupChange(int groupId, List<Integer> before, List<Integer> after) {
    groupChanges.add(
        new GroupMembershipChange(
            clock.instant(), groupId, List.copyOf(before), List.copyOf(after)));
  }

  public List<GroupMembershipChange> groupMembershipChanges() {
    return List.copyOf(groupChanges);
  }

  /** Forgets everything recorded, e.g. between tests sharing one simulator. */
  /** Records a policy switched on or off (a Classic PUT of its general.enabled). */
  public void setPolicyEnabled(int policyId, boolean enabled) {
    policyEnabled.put(policyId, enabled);
  }

  /** Whether a policy is enabled: as last set, else as the fleet generated it. */
  public boolean policyEnabled(int policyId, boolean generated) {
    return policyEnabled.getOrDefault(policyId, generated);
  }

  /** The policies switched on or off so far, by id. */
  public Map<Integer, Boolean> policyEnabledChanges() {
    return Map.copyOf(policyEnabled);
  }

  public void recordSmartGroupSave(
      String platform, int groupId, boolean created, int membersBefore, int membersAfter) {
    smartGroupSaves.add(
        new SmartGroupSave(
            clock.instant(), platform, groupId, created, membersBefore, membersAfter));
  }

  /** Smart groups created or changed through the API, in order. */
  public List<SmartGroupSave> smartGroupSaves() {
    return List.copyOf(smartGroupSaves);
  }

  public void recordUpdatePlan(UpdatePlanCreation plan) {
    updatePlans.add(plan);
  }

  /** Managed software update plans created, in order (the plans themselves stay stored). */
  public List<UpdatePlanCreation> updatePlans() {
    return List.copyOf(updatePlans);
  }

  public void clear() {
    updatePlans.clear();
    smartGroupSaves.clear();
    policyEnabled.clear();
    commands.clear();
    commandOrder.clear();
    blankPushes.clear();
    logFlushes.clear();
    commandFlushes.clear();
    groupChanges.clear();
  }
}
