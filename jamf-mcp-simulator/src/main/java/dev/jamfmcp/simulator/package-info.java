/**
 * A simulated Jamf Pro for tests, demos and benchmarks.
 *
 * <p>{@link dev.jamfmcp.simulator.SimulatedJamfPro#start(SimulatorConfig)} serves the Jamf Pro API
 * ({@code /api/...}) and Classic API ({@code /JSSResource/...}) routes an MCP server's tools use,
 * shaped as in the 11.30.1 contract, over a fleet generated from a seed ({@link
 * dev.jamfmcp.simulator.fleet}). Tokens expire on the configured clock ({@link
 * dev.jamfmcp.simulator.auth}), filters are real RSQL ({@link dev.jamfmcp.simulator.rsql}), writes
 * are recorded ({@link dev.jamfmcp.simulator.effects}) and faults can be injected ({@link
 * dev.jamfmcp.simulator.faults}), from Java or over {@code /__sim/...}.
 */
package dev.jamfmcp.simulator;
