package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.effects.SideEffects;
import dev.jamfmcp.simulator.fleet.Fleet;
import dev.jamfmcp.simulator.http.Area;
import dev.jamfmcp.simulator.http.Exchange;
import dev.jamfmcp.simulator.http.NotFound;
import dev.jamfmcp.simulator.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classic command flushes: {@code DELETE
 * /JSSResource/commandflush/{idtype}/id/{id}/status/{status}}, where {@code idtype} is computers or
 * mobiledevices (the group forms are not simulated: 404), {@code id} one id or several
 * comma-separated, and {@code status} Pending, Failed or Pending+Failed. The flush hides the
 * devices' failed commands from their history and their pending ones from the command list.
 */
final class ClassicCommandFlush {
  private final Fleet fleet;
  private final SideEffects effects;

  ClassicCommandFlush(SimState state) {
    this.fleet = state.fleet();
    this.effects = state.effects();
  }

  void register(Router router) {
    router.delete(
        "/JSSResource/commandflush/{idtype}/id/{id}/status/{status}", Area.CLASSIC, this::flush);
  }

  private void flush(Exchange ex) throws Exception {
    String type =
        switch (ex.pathParam("idtype").toLowerCase(Locale.ROOT)) {
          case "computers" -> "computer";
          case "mobiledevices" -> "mobile";
          default -> throw new NotFound("id type");
        };
    // "+" may arrive decoded as a space
    String status = ex.pathParam("status").toLowerCase(Locale.ROOT).replace(' ', '+');
    boolean pending = status.equals("pending") || status.equals("pending+failed");
    boolean failed = status.equals("failed") || status.equals("pending+failed");
    if (!pending && !failed) {
      throw new Exchange.BadRequest("status must be Pending, Failed or Pending+Failed");
    }
    List<Integer> ids = new ArrayList<>();
    for (String part : ex.pathParam("id").split(",", -1)) {
      long id = Ids.parse(part.trim());
      boolean known =
          type.equals("computer")
              ? fleet.computers().rowOf(id) >= 0
              : fleet.mobileDevice(id).isPresent();
      if (!known) {
        throw new NotFound(type.equals("computer") ? "computer" : "mobile device");
      }
      ids.add((int) id);
    }
    effects.recordCommandFlush(type, ids, pending, failed);
    ex.empty(200);
  }
}
