package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.tools.support.ToolSupport;
import java.util.function.Consumer;

/**
 * Streams every computer of a query to a consumer, page by page (2000 a page), reporting progress
 * and honouring cancellation. Nothing is kept: callers count as rows arrive, so memory stays at a
 * few pages whatever the fleet size.
 */
final class FleetScan {
  private FleetScan() {}

  /** Returns how many computers were seen. */
  static long scan(
      ToolSupport support, ListQuery query, RequestContext ctx, Consumer<Computer> each) {
    Listing<Computer> listing =
        support.jamf().computers().list(query.withPageSize(ListQuery.MAX_PAGE_SIZE));
    long seen = 0;
    Double total = null;
    for (Computer c : listing) {
      each.accept(c);
      seen++;
      if (ctx != null && seen % ListQuery.MAX_PAGE_SIZE == 0) {
        ctx.cancellation().throwIfCancelled();
        ctx.progress(seen, total, "counted " + seen + " computers");
      }
    }
    return seen;
  }
}
