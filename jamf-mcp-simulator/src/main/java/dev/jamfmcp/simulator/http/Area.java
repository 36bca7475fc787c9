package dev.jamfmcp.simulator.http;

/** Which part of the server a route belongs to; decides auth and the shape of errors. */
public enum Area {
  /** Token endpoints: their own credentials, no bearer token. */
  TOKEN,
  /** {@code /api/...}: bearer token, JSON errors. */
  PRO,
  /** {@code /JSSResource/...}: bearer token, HTML errors. */
  CLASSIC,
  /** {@code /__sim/...}: the simulator's own controls, never faulted, no auth. */
  ADMIN
}
