package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.SessionState;

/**
 * What a session id says, once its signature checks out.
 *
 * @param sessionId a random id that stays the same for the life of the session
 * @param subjectHash who the session belongs to (a short hash of the principal's subject)
 * @param state the engine's session state when the id was issued
 * @param issuedAtMillis when this id was issued; ids are re-issued as the session is used
 */
public record SessionClaims(
    String sessionId, String subjectHash, SessionState state, long issuedAtMillis) {}
