package dev.jamfmcp.tools.mdm;

import dev.jamfmcp.jamf.JamfException;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.tools.support.DeviceTargets.Device;
import dev.jamfmcp.tools.support.ToolBodies;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one write per device, in order, with a progress notification after each, and stops at the
 * first failure: after a failure, or a cancellation, the remaining devices are not attempted, and
 * the report says exactly which devices got what. Nothing is ever retried here (the Jamf client
 * does not retry POSTs either), so no write is sent twice.
 */
final class PerDevice {
  private PerDevice() {}

  /** Jamf answered, but did not do it for this device (e.g. a blank push it could not send). */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** One device's write; returns fields to add to its entry (e.g. the command's uuid). */
  @FunctionalInterface
  interface Action {
    ObjectNode apply(Device device);
  }

  /**
   * @param done devices the write reached ("queued", "pushed" ...), in order
   * @param devices one entry per device: ref, name, serial, result and details
   */
  record Report(
      List<Device> done,
      ArrayNode devices,
      int failed,
      int unknown,
      int notAttempted,
      String failure) {
    int total() {
      return devices.size();
    }

    String outcome() {
      return ToolBodies.outcome(done.size(), total());
    }

    boolean complete() {
      return done.size() == total();
    }

    ObjectNode counts() {
      return Json.object()
          .put("done", done.size())
          .put("failed", failed)
          .put("unknown", unknown)
          .put("notAttempted", notAttempted);
    }
  }

  static Report run(List<Device> targets, RequestContext context, String doneWord, Action action) {
    List<Device> done = new ArrayList<>();
    ArrayNode entries = Json.mapper().createArrayNode();
    int failed = 0;
    int unknown = 0;
    String failure = null;
    for (int i = 0; i < targets.size(); i++) {
      Device device = targets.get(i);
      ObjectNode entry =
          entries
              .addObject()
              .put("ref", device.ref())
              .put("name", device.name())
              .put("serial", device.serial());
      if (failure != null) {
        entry.put("result", "not_attempted");
        continue;
      }
      if (context.cancellation().isCancelled()) {
        failure = "the request was cancelled before " + device.describe();
        entry.put("result", "not_attempted");
        continue;
      }
      try {
        ObjectNode details = action.apply(device);
        entry.put("result", doneWord);
        if (details != null) {
          entry.setAll(details);
        }
        done.add(device);
        context.progress(i + 1, (double) targets.size(), doneWord + ": " + device.describe());
      } catch (JamfException | Refused e) {
        boolean maybe = e instanceof JamfException j && ToolBodies.outcomeUnknown(j);
        entry.put("result", maybe ? "unknown" : "failed").put("error", e.getMessage());
        if (maybe) {
          unknown++;
        } else {
          failed++;
        }
        failure =
            (maybe ? "Jamf Pro did not answer for " : "Jamf Pro refused ")
                + device.describe()
                + " ("
                + e.getMessage()
                + ")"
                + (maybe ? "; it may or may not have been applied to that device" : "");
        context.progress(i + 1, (double) targets.size(), "failed: " + device.describe());
      }
    }
    int notAttempted = targets.size() - done.size() - failed - unknown;
    return new Report(List.copyOf(done), entries, failed, unknown, notAttempted, failure);
  }

  /** One sentence: what reached which devices, and what did not, for a partial result. */
  static String partialSummary(Report report, String action) {
    StringBuilder text = new StringBuilder();
    text.append(report.complete() ? "Done: " : "NOT COMPLETE: ")
        .append(action)
        .append(" reached ")
        .append(report.done().size())
        .append(" of ")
        .append(report.total())
        .append(" devices");
    if (!report.complete()) {
      text.append(". Stopped because ")
          .append(report.failure())
          .append(". ")
          .append(report.failed())
          .append(" failed, ")
          .append(report.unknown())
          .append(" unknown, ")
          .append(report.notAttempted())
          .append(
              " not attempted; the"
                  + " devices list says which. Nothing is retried automatically: check before"
                  + " calling again for the devices that did not get it");
    }
    return text.append(".").toString();
  }
}
