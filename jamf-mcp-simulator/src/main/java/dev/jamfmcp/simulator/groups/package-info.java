/**
 * Smart computer and mobile device groups as mutable state: their criteria, evaluated over the
 * fleet the way Jamf Pro evaluates them, and the store the create and update routes change.
 */
package dev.jamfmcp.simulator.groups;
