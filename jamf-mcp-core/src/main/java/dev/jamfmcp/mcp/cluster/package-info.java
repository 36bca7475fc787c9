/**
 * SPI: the state several instances of one server must share, one small interface per concern, each
 * with an implementation in this process's memory (the default, right for one instance) and one in
 * Redis ({@code jamf-mcp-redis}) for a fleet behind a load balancer.
 *
 * <ul>
 *   <li>Used confirmations and approvals: {@link dev.jamfmcp.mcp.confirm.ConsumedTokens}, an atomic
 *       insert-if-absent with expiry (it lives beside the confirmation gate, which is its user).
 *   <li>Ended sessions: {@link EndedSessions}, so that a DELETE on any instance ends the session on
 *       all of them.
 *   <li>Message routing: {@link MessageRouting}, so that an elicitation answer, a cancellation or a
 *       legacy {@code /messages} POST that reaches another instance is forwarded to the one
 *       holding the waiting request or the stream.
 *   <li>Rate-limit buckets: {@link RateLimitBuckets}, so that a principal's limit holds across the
 *       fleet instead of once per instance.
 * </ul>
 *
 * <p>Only what needs the shared truth asks the store: redeeming a confirmation, ending a session,
 * taking from a shared bucket. Reads and tool calls that touch none of these never wait on it
 * ({@link EndedSessions#isEnded} is answered from a local view). A store that cannot answer throws
 * {@link StoreUnavailableException}; writes are then refused ("nothing was done"), never let
 * through unchecked.
 */
package dev.jamfmcp.mcp.cluster;
