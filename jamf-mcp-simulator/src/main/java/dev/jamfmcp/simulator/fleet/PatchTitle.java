package dev.jamfmcp.simulator.fleet;

/** A patch software title configuration with the newest version it knows of. */
public record PatchTitle(
    int id,
    String displayName,
    int softwareTitleId,
    int categoryId,
    String softwareTitleName,
    String publisher,
    String latestVersion,
    boolean jamfOfficial) {}
