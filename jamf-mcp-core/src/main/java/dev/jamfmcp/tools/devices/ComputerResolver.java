package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Rsql;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.computers.ComputerSection;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.tools.support.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds computers by what a person calls them: Jamf id, serial number, UDID or name. A name shared
 * by several computers is reported as ambiguous, with the candidates, never guessed.
 *
 * <pre>{@code
 * ComputerResolver resolver = new ComputerResolver(jamf);
 * ComputerRef mac = resolver.require("C02XL0GSJGH5");            // or throws a ToolException
 * Map<String, Resolution> many = resolver.resolveAll(List.of("12", "Lab-Mac-3", "C02..."));
 * }</pre>
 *
 * <p>One identifier costs one request; {@link #resolveAll} asks for up to {@value #CHUNK}
 * identifiers per request with {@code =in=} filters. Nothing is cached.
 */
public final class ComputerResolver {
  /** Identifiers per request in {@link #resolveAll}; keeps the filter well inside URL limits. */
  static final int CHUNK = 50;

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
  private static final ComputerSection[] SECTIONS = {
    ComputerSection.GENERAL, ComputerSection.HARDWARE, ComputerSection.USER_AND_LOCATION
  };

  private final JamfClient jamf;

  public ComputerResolver(JamfClient jamf) {
    this.jamf = Objects.requireNonNull(jamf, "jamf");
  }

  /** What a resolved computer is known by; {@code managementId} addresses MDM commands. */
  public record ComputerRef(
      String id,
      String name,
      String serialNumber,
      String udid,
      String managementId,
      String username) {
    /** "Name (serial X, id N)", for previews and messages. */
    public String describe() {
      return name + " (serial " + serialNumber + ", id " + id + ")";
    }
  }

  /** The outcome for one identifier. */
  public sealed interface Resolution {
    String identifier();
  }

  public record Found(String identifier, ComputerRef computer) implements Resolution {}

  public record NotFound(String identifier) implements Resolution {}

  /** Several computers carry this name; {@code candidates} lists them (at most 20). */
  public record Ambiguous(String identifier, List<ComputerRef> candidates) implements Resolution {}

  /** Resolves one identifier with one request. */
  public Resolution resolve(String identifier) {
    String value = clean(identifier);
    List<ComputerRef> rows = fetch(filterFor(List.of(value)));
    return classify(value, rows);
  }

  /** The computer, or a {@link ToolException} the model can act on (not found, or which one?). */
  public ComputerRef require(String identifier) {
    return orThrow(resolve(identifier));
  }

  /**
   * Resolves many identifiers in few requests (one per {@value #CHUNK}); the map keeps the order of
   * {@code identifiers}, duplicates collapsed.
   */
  public Map<String, Resolution> resolveAll(Collection<String> identifiers) {
    List<String> values =
        new ArrayList<>(
            new LinkedHashSet<>(identifiers.stream().map(ComputerResolver::clean).toList()));
    Map<String, Resolution> out = new LinkedHashMap<>();
    for (int from = 0; from < values.size(); from += CHUNK) {
      List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
      List<ComputerRef> rows = fetch(filterFor(chunk));
      for (String value : chunk) {
        out.put(value, classify(value, rows));
      }
    }
    return out;
  }

  /** The computer of a resolution, or the ToolException explaining why there is none. */
  public static ComputerRef orThrow(Resolution resolution) {
    if (resolution instanceof Found found) {
      return found.computer();
    }
    if (resolution instanceof Ambiguous ambiguous) {
      StringBuilder sb =
          new StringBuilder(
              "\""
                  + ambiguous.identifier()
                  + "\" names "
                  + ambiguous.candidates().size()
                  + " computers; call again with the id or serial of"
                  + " the one you mean:");
      for (ComputerRef c : ambiguous.candidates()) {
        sb.append("\n- ").append(c.describe());
        if (c.username() != null && !c.username().isEmpty()) {
          sb.append(", user ").append(c.username());
        }
      }
      throw new ToolException(sb.toString());
    }
    throw new ToolException(
        "No computer in Jamf Pro has the id, serial number, UDID or name \""
            + resolution.identifier()
            + "\". Use searchDevices to find it by part of its name, its"
            + " user or its serial number.");
  }

  private static String clean(String identifier) {
    String value = Objects.requireNonNull(identifier, "identifier").trim();
    if (value.isEmpty()) {
      throw new ToolException(
          "The device identifier is empty; give a Jamf id, serial, UDID or name.");
    }
    if (Ids.otherPlatform(value, Ids.Platform.COMPUTER)) {
      throw new ToolException(
          "\"" + value + "\" is a mobile device, not a Mac; use getMobileDeviceDetails for it.");
    }
    // computer:<id> is how other tools print a Mac
    String id = Ids.computerId(value);
    return id != null ? id : value;
  }

  static Rsql filterFor(List<String> values) {
    List<String> numeric = values.stream().filter(v -> DIGITS.matcher(v).matches()).toList();
    Rsql filter =
        Rsql.in("hardware.serialNumber", values)
            .or(Rsql.in("udid", values), Rsql.in("general.name", values));
    return numeric.isEmpty() ? filter : Rsql.in("id", numeric).or(filter);
  }

  private List<ComputerRef> fetch(Rsql filter) {
    List<ComputerRef> out = new ArrayList<>();
    for (Computer c :
        jamf.computers()
            .list(
                ListQuery.all()
                    .withSections(SECTIONS)
                    .withFilter(filter)
                    .withPageSize(ListQuery.MAX_PAGE_SIZE))) {
      out.add(ref(c));
    }
    return out;
  }

  static ComputerRef ref(Computer c) {
    String name = c.general() == null ? null : c.general().name();
    String serial = c.hardware() == null ? null : c.hardware().serialNumber();
    String managementId = c.general() == null ? null : c.general().managementId();
    String user = c.userAndLocation() == null ? null : c.userAndLocation().username();
    return new ComputerRef(c.id(), name, serial, c.udid(), managementId, user);
  }

  /** Id beats serial beats UDID beats name; several computers of one name are ambiguous. */
  private static Resolution classify(String value, List<ComputerRef> rows) {
    for (ComputerRef c : rows) {
      if (value.equals(c.id())) {
        return new Found(value, c);
      }
    }
    for (ComputerRef c : rows) {
      if (value.equalsIgnoreCase(c.serialNumber())) {
        return new Found(value, c);
      }
    }
    for (ComputerRef c : rows) {
      if (value.equalsIgnoreCase(c.udid())) {
        return new Found(value, c);
      }
    }
    List<ComputerRef> named =
        rows.stream()
            .filter(
                c ->
                    c.name() != null
                        && c.name().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)))
            .toList();
    if (named.size() == 1) {
      return new Found(value, named.get(0));
    }
    if (named.size() > 1) {
      return new Ambiguous(value, named.size() > 20 ? named.subList(0, 20) : named);
    }
    return new NotFound(value);
  }
}
