package dev.jamfmcp.jamf.mdm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * MDM commands and blank pushes. These are POSTs and are never retried automatically: a command
 * that timed out may still have been queued. Obtain from {@code JamfClient.mdm()}.
 */
public final class Mdm {

  private final Transport transport;

  static {
    Operations.register(Mdm.class, Mdm::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private Mdm(Transport transport) {
    this.transport = transport;
  }

  /** Queues {@code command} for its devices; one receipt per device. */
  public List<QueuedCommand> send(MdmCommandRequest command) {
    List<Map<String, String>> clients = new ArrayList<>();
    command.managementIds().forEach(id -> clients.add(Map.of("managementId", id)));
    Wire body = new Wire(clients, command.commandData());
    return transport.json(
        Transport.withJsonBody(Endpoints.MDM_SEND_COMMAND.request(), body),
        new TypeReference<List<QueuedCommand>>() {});
  }

  /**
   * Commands matching the query. Jamf requires a filter, e.g. {@code Rsql.eq("clientManagementId",
   * id)}; allowed fields include uuid, clientManagementId, command, status, dateSent.
   */
  public Listing<MdmCommand> commands(ListQuery query) {
    if (query.filter() == null) {
      throw new IllegalArgumentException("GET /api/v2/mdm/commands requires a filter");
    }
    return transport.list(Endpoints.MDM_COMMANDS.request(), query, MdmCommand.class);
  }

  /**
   * Sends a blank push so that the devices check in soon (and pick up pending commands and
   * policies). Returns the management ids Jamf could not push to.
   */
  public List<String> blankPush(Collection<String> managementIds) {
    if (managementIds.isEmpty()) {
      throw new IllegalArgumentException("a blank push needs at least one management id");
    }
    PushResult result =
        transport.json(
            Transport.withJsonBody(
                Endpoints.MDM_BLANK_PUSH.request(),
                Map.of("clientManagementIds", List.copyOf(managementIds))),
            PushResult.class);
    return result.errorUuids() == null ? List.of() : result.errorUuids();
  }

  /** Which commands a flush clears, as the Classic API spells it. */
  public enum FlushStatus {
    FAILED("Failed"),
    PENDING("Pending"),
    PENDING_AND_FAILED("Pending+Failed");

    private final String wire;

    FlushStatus(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** Whose commands a flush clears: computers or mobile devices (Classic {@code idtype}). */
  public enum FlushTarget {
    COMPUTERS("computers"),
    MOBILE_DEVICES("mobiledevices");

    private final String wire;

    FlushTarget(String wire) {
      this.wire = wire;
    }
  }

  /** Ids per flush request: the comma-separated list stays far below the 4 KB URL limit. */
  static final int FLUSH_BATCH = 300;

  /**
   * Clears the devices' failed and/or pending MDM commands from Jamf Pro ({@code DELETE
   * /JSSResource/commandflush/...}); nothing is sent to the devices. Several ids go in one request,
   * comma-separated, as the API allows; long lists in several.
   */
  public void flushCommands(FlushTarget target, Collection<Integer> deviceIds, FlushStatus status) {
    if (deviceIds.isEmpty()) {
      throw new IllegalArgumentException("a flush needs at least one device id");
    }
    List<Integer> ids = List.copyOf(deviceIds);
    for (int from = 0; from < ids.size(); from += FLUSH_BATCH) {
      List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + FLUSH_BATCH));
      String joined = String.join(",", batch.stream().map(String::valueOf).toList());
      transport.call(Endpoints.COMMAND_FLUSH.request(target.wire, joined, status.wire()));
    }
  }

  /** MdmCommandRequest on the wire. */
  record Wire(List<Map<String, String>> clientData, Map<String, Object> commandData) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PushResult(List<String> errorUuids) {}
}
