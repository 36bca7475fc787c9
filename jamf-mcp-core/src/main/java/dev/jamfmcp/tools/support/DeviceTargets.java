package dev.jamfmcp.tools.support;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.jamf.mobile.MobileDeviceInventory;
import dev.jamfmcp.jamf.mobile.MobileDeviceSection;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ToolException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what a user calls devices ({@code computer:123}, {@code mobile:45}, a plain id meaning a
 * computer, a serial number, a name) into Jamf devices, in at most two requests whatever their
 * number: one {@code =in=} query over computers, one over mobile devices. Names that match more
 * than one device are reported with their candidates, never guessed.
 *
 * <pre>{@code
 * List<Device> devices = new DeviceTargets(jamf).resolve(List.of("C02XK1JHJG5H", "mobile:7"))
 *     .requireAll(); // throws a ToolException naming every identifier it could not resolve
 * }</pre>
 */
public final class DeviceTargets {
  /** At most this many identifiers in one call; tools' input schemas say the same. */
  public static final int MAX_IDENTIFIERS = 100;

  private static final Pattern COMPUTER_ID = Pattern.compile("(?i)computer:(\\d{1,10})");
  private static final Pattern MOBILE_ID = Pattern.compile("(?i)mobile:(\\d{1,10})");
  private static final Pattern PLAIN_ID = Pattern.compile("\\d{1,10}");
  private static final int MAX_ROWS = 2000;

  private final JamfClient jamf;

  public DeviceTargets(JamfClient jamf) {
    this.jamf = Objects.requireNonNull(jamf, "jamf");
  }

  /** A computer or a mobile device (iPhone, iPad, Apple TV). */
  public enum Kind {
    COMPUTER("computer"),
    MOBILE("mobile");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  /**
   * One resolved device. {@code managementId} addresses MDM commands and blank pushes; it is null
   * when Jamf has none (the device is not MDM-managed). Department and building ids are known for
   * computers only. {@code model} (e.g. {@code MacBook Pro (14-inch, 2023)}) and {@code user} (the
   * assigned user, {@code Real Name (username)}) come from the same request and may be null.
   */
  public record Device(
      Kind kind,
      String id,
      String name,
      String serial,
      String managementId,
      String departmentId,
      String buildingId,
      String model,
      String user) {
    /** {@code computer:12} or {@code mobile:4}: unambiguous, and accepted back as an identifier. */
    public String ref() {
      return kind.prefix() + ":" + id;
    }

    /**
     * What a confirmation binds: the Jamf id and the management id that commands are addressed to,
     * e.g. {@code computer:42 managementId=5d6e...}. A device renamed, or re-enrolled, after the
     * preview no longer matches.
     */
    public String binding() {
      return ref() + " managementId=" + (managementId == null ? "none" : managementId);
    }

    /** For people: {@code MBP-ENG-0042 (serial C02XK1JHJG5H, computer:42)}. */
    public String describe() {
      return name + " (serial " + (serial == null ? "unknown" : serial) + ", " + ref() + ")";
    }

    /** As the approval page shows it: name, serial, model and assigned user. */
    public dev.jamfmcp.mcp.approval.ApprovalTarget approvalTarget() {
      return new dev.jamfmcp.mcp.approval.ApprovalTarget(
          kind.prefix(), id, managementId, name, serial, model, user);
    }

    public ObjectNode toJson() {
      return Json.object()
          .put("ref", ref())
          .put("type", kind.prefix())
          .put("id", id)
          .put("name", name)
          .put("serial", serial);
    }
  }

  /** An identifier that names no device, or more than one. */
  public record Unresolved(String identifier, String reason, List<Device> candidates) {
    public Unresolved {
      candidates = List.copyOf(candidates);
    }

    public String describe() {
      StringBuilder text = new StringBuilder("'").append(identifier).append("': ").append(reason);
      if (!candidates.isEmpty()) {
        text.append(" (candidates: ");
        for (int i = 0; i < candidates.size(); i++) {
          text.append(i == 0 ? "" : "; ").append(candidates.get(i).describe());
        }
        text.append(")");
      }
      return text.toString();
    }
  }

  /** The devices found, in the order asked, without duplicates, and what could not be found. */
  public record Resolution(List<Device> devices, List<Unresolved> unresolved) {
    public Resolution {
      devices = List.copyOf(devices);
      unresolved = List.copyOf(unresolved);
    }

    public boolean complete() {
      return unresolved.isEmpty();
    }

    /** The devices, or a ToolException listing every unresolved identifier (nothing is done). */
    public List<Device> requireAll() {
      if (!unresolved.isEmpty()) {
        StringBuilder text =
            new StringBuilder("Could not identify ")
                .append(unresolved.size())
                .append(unresolved.size() == 1 ? " device" : " devices")
                .append(":");
        unresolved.forEach(u -> text.append("\n- ").append(u.describe()));
        text.append(
            "\nNothing was done. Use computer:<id> or mobile:<id>, or the serial number,"
                + " to name each device exactly, and call again.");
        throw new ToolException(text.toString());
      }
      return devices;
    }
  }

  /** Resolves every identifier; Jamf failures propagate as {@code JamfException}. */
  public Resolution resolve(Collection<String> identifiers) {
    if (identifiers.size() > MAX_IDENTIFIERS) {
      throw new ToolException(
          "At most " + MAX_IDENTIFIERS + " devices per call; nothing was done.");
    }
    Set<String> computerIds = new LinkedHashSet<>();
    Set<String> mobileIds = new LinkedHashSet<>();
    Set<String> texts = new LinkedHashSet<>();
    for (String raw : identifiers) {
      String identifier = raw.trim();
      Matcher computer = COMPUTER_ID.matcher(identifier);
      Matcher mobile = MOBILE_ID.matcher(identifier);
      if (computer.matches()) {
        computerIds.add(Long.toString(Long.parseLong(computer.group(1))));
      } else if (mobile.matches()) {
        mobileIds.add(Long.toString(Long.parseLong(mobile.group(1))));
      } else if (PLAIN_ID.matcher(identifier).matches()) {
        computerIds.add(Long.toString(Long.parseLong(identifier)));
      } else if (!identifier.isEmpty()) {
        texts.add(identifier);
      }
    }
    List<Device> computers =
        computerIds.isEmpty() && texts.isEmpty() ? List.of() : computers(computerIds, texts);
    List<Device> mobiles =
        mobileIds.isEmpty() && texts.isEmpty() ? List.of() : mobiles(mobileIds, texts);
    List<Device> all = new ArrayList<>(computers);
    all.addAll(mobiles);

    Map<String, Device> found = new LinkedHashMap<>();
    List<Unresolved> unresolved = new ArrayList<>();
    for (String raw : identifiers) {
      String identifier = raw.trim();
      List<Device> matches = matches(identifier, all);
      if (matches.size() == 1) {
        found.putIfAbsent(matches.get(0).ref(), matches.get(0));
      } else if (matches.isEmpty()) {
        unresolved.add(new Unresolved(identifier, notFoundReason(identifier), List.of()));
      } else {
        unresolved.add(
            new Unresolved(identifier, matches.size() + " devices have this name", matches));
      }
    }
    return new Resolution(List.copyOf(found.values()), unresolved);
  }

  private static List<Device> matches(String identifier, List<Device> all) {
    Matcher computer = COMPUTER_ID.matcher(identifier);
    Matcher mobile = MOBILE_ID.matcher(identifier);
    if (computer.matches() || PLAIN_ID.matcher(identifier).matches()) {
      String id =
          Long.toString(Long.parseLong(computer.matches() ? computer.group(1) : identifier));
      return all.stream().filter(d -> d.kind() == Kind.COMPUTER && d.id().equals(id)).toList();
    }
    if (mobile.matches()) {
      String id = Long.toString(Long.parseLong(mobile.group(1)));
      return all.stream().filter(d -> d.kind() == Kind.MOBILE && d.id().equals(id)).toList();
    }
    List<Device> bySerial =
        all.stream()
            .filter(d -> d.serial() != null && d.serial().equalsIgnoreCase(identifier))
            .toList();
    if (!bySerial.isEmpty()) {
      return bySerial;
    }
    return all.stream()
        .filter(d -> d.name() != null && d.name().equalsIgnoreCase(identifier))
        .toList();
  }

  private static String notFoundReason(String identifier) {
    if (identifier.isEmpty()) {
      return "empty identifier";
    }
    if (PLAIN_ID.matcher(identifier).matches() || COMPUTER_ID.matcher(identifier).matches()) {
      return "no computer has this Jamf id (plain numbers are computer ids; use mobile:<id> for"
          + " a mobile device)";
    }
    if (MOBILE_ID.matcher(identifier).matches()) {
      return "no mobile device has this Jamf id";
    }
    return "no computer or mobile device has this serial number or name";
  }

  private List<Device> computers(Set<String> ids, Set<String> texts) {
    Map<String, Set<String>> anyOf = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      anyOf.put("id", ids);
    }
    if (!texts.isEmpty()) {
      anyOf.put("hardware.serialNumber", texts);
      anyOf.put("general.name", texts);
    }
    ListQuery query =
        ListQuery.all()
            .withSections(
                ComputerSection.GENERAL,
                ComputerSection.HARDWARE,
                ComputerSection.USER_AND_LOCATION);
    List<Device> devices = new ArrayList<>();
    // The client splits the values over several requests when they would not fit one URL.
    for (Computer c : jamf.computers().listAnyIn(query, anyOf, MAX_ROWS)) {
      devices.add(
          new Device(
              Kind.COMPUTER,
              c.id(),
              c.general() == null ? null : c.general().name(),
              c.hardware() == null ? null : c.hardware().serialNumber(),
              c.general() == null ? null : blankToNull(c.general().managementId()),
              c.userAndLocation() == null ? null : c.userAndLocation().departmentId(),
              c.userAndLocation() == null ? null : c.userAndLocation().buildingId(),
              c.hardware() == null ? null : blankToNull(c.hardware().model()),
              c.userAndLocation() == null
                  ? null
                  : user(c.userAndLocation().realname(), c.userAndLocation().username())));
    }
    return devices;
  }

  private List<Device> mobiles(Set<String> ids, Set<String> texts) {
    Map<String, Set<String>> anyOf = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      anyOf.put("mobileDeviceId", ids);
    }
    if (!texts.isEmpty()) {
      anyOf.put("serialNumber", texts);
      anyOf.put("displayName", texts);
    }
    ListQuery query =
        ListQuery.all()
            .withSections(
                MobileDeviceSection.GENERAL,
                MobileDeviceSection.HARDWARE,
                MobileDeviceSection.USER_AND_LOCATION);
    List<Device> devices = new ArrayList<>();
    for (MobileDeviceInventory m : jamf.mobileDevices().inventoryAnyIn(query, anyOf, MAX_ROWS)) {
      devices.add(
          new Device(
              Kind.MOBILE,
              m.mobileDeviceId(),
              m.general() == null ? null : m.general().displayName(),
              m.hardware() == null ? null : m.hardware().serialNumber(),
              m.general() == null ? null : blankToNull(m.general().managementId()),
              null,
              null,
              m.hardware() == null ? null : blankToNull(m.hardware().model()),
              m.userAndLocation() == null
                  ? null
                  : user(m.userAndLocation().realName(), m.userAndLocation().username())));
    }
    return devices;
  }

  /** {@code Real Name (username)}, or whichever of the two Jamf has; null when neither. */
  static String user(String realName, String username) {
    String real = blankToNull(realName);
    String login = blankToNull(username);
    if (real == null || login == null) {
      return real == null ? login : real;
    }
    return real.equals(login) ? real : real + " (" + login + ")";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
