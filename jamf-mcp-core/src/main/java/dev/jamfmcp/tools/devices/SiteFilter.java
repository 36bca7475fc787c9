package dev.jamfmcp.tools.devices;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.inventory.InventoryRecords;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.tool.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code site} filter of the search tools. Jamf Pro 11.30.1's inventory filters (RSQL of {@code
 * /api/v3/computers-inventory} and {@code /api/v2/mobile-devices/detail}) have no site field, so
 * the site is matched here: the search streams every device that matches the other (server-side)
 * filters, 2,000 a request, keeps those of the site, and cuts the requested page from them. Cost:
 * one request for the site list plus one per 2,000 devices matching the other filters; the total
 * stays exact. {@code none} (or {@code None}) selects the devices of no site.
 *
 * @param id Jamf's site id; {@code -1} for none
 * @param name the site's name as Jamf spells it
 */
public record SiteFilter(String id, String name) {
  /** What Jamf reports for a device of no site. */
  public static final String NONE_ID = "-1";

  /** The site named (case-insensitive), or a ToolException naming the sites there are. */
  public static SiteFilter named(JamfClient jamf, String name) {
    if (name.equalsIgnoreCase("none")) {
      return new SiteFilter(NONE_ID, "None");
    }
    List<InventoryRecords.Site> sites = jamf.inventory().sites();
    List<String> names = new ArrayList<>();
    for (InventoryRecords.Site s : sites) {
      if (s.name() != null && s.name().equalsIgnoreCase(name)) {
        return new SiteFilter(s.id(), s.name());
      }
      names.add(s.name());
    }
    throw new ToolException(
        "No site in Jamf Pro is named \""
            + name
            + "\". Sites: "
            + (names.isEmpty() ? "none (this Jamf Pro has no sites)" : String.join(", ", names))
            + "; or \"none\" for devices of no site.");
  }

  /** Whether a device with this site id (null or blank meaning none) is of this site. */
  public boolean matches(String siteId) {
    String of = siteId == null || siteId.isBlank() ? NONE_ID : siteId;
    return of.equals(id);
  }

  /** The site id a computer's GENERAL section reports, or null when it reports none. */
  public static String siteIdOf(Computer c) {
    return c.general() == null || c.general().site() == null ? null : c.general().site().id();
  }

  /** Whether the computer is of this site (its GENERAL section read). */
  public boolean matches(Computer c) {
    return matches(siteIdOf(c));
  }

  /** The matching devices' total and the rows of one page, in the listing's order. */
  public record Cut<T>(long total, List<T> rows) {}

  /** Streams the listing, keeping devices of this site; page {@code page} of {@code size}. */
  public <T> Cut<T> cut(
      Iterable<T> listing, Function<T, String> siteIdOf, int page, int size, RequestContext ctx) {
    long from = (long) page * size;
    long total = 0;
    long seen = 0;
    List<T> rows = new ArrayList<>();
    for (T item : listing) {
      if (++seen % 2000 == 0 && ctx != null) {
        ctx.cancellation().throwIfCancelled();
      }
      if (matches(siteIdOf.apply(item))) {
        if (total >= from && rows.size() < size) {
          rows.add(item);
        }
        total++;
      }
    }
    return new Cut<>(total, rows);
  }

  /** For cursors: a different site is a different search. */
  public int fingerprint() {
    return id.toLowerCase(Locale.ROOT).hashCode();
  }
}
