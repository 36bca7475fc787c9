package dev.jamfmcp.simulator.fleet;

import java.util.BitSet;

/**
 * A smart computer group. Its criteria are an RSQL filter over the inventory fields, evaluated once
 * at generation time, so its members agree with what the inventory endpoint filters to.
 */
public record SmartGroup(
    int id, String name, String description, String criteria, BitSet memberRows) {

  public int membershipCount() {
    return memberRows.cardinality();
  }

  public boolean contains(int row) {
    return memberRows.get(row);
  }
}
