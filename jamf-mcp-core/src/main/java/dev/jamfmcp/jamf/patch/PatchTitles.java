package dev.jamfmcp.jamf.patch;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/** Patch management titles. Obtain from {@code JamfClient.patchTitles()}. */
public final class PatchTitles {

  private final Transport transport;

  static {
    Operations.register(PatchTitles.class, PatchTitles::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private PatchTitles(Transport transport) {
    this.transport = transport;
  }

  /** Every configured title; this endpoint answers a bare array, not a page. */
  public List<PatchTitle> list() {
    return transport.json(
        Endpoints.PATCH_TITLES.request(), new TypeReference<List<PatchTitle>>() {});
  }

  /** How many computers run each version of a title, newest first. */
  public List<PatchVersionCount> versionCounts(String titleId) {
    return transport.json(
        Endpoints.PATCH_VERSIONS.request(titleId), new TypeReference<List<PatchVersionCount>>() {});
  }

  /** The computers that have a title, with their version. */
  public Listing<PatchReportEntry> report(String titleId, ListQuery query) {
    return transport.list(Endpoints.PATCH_REPORT.request(titleId), query, PatchReportEntry.class);
  }
}
