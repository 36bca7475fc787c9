/**
 * The cluster-state SPI of jamf-mcp core ({@code dev.jamfmcp.mcp.cluster}, {@code ConsumedTokens})
 * on Redis through Lettuce: used confirmations, pending approvals and actions, ended sessions,
 * rate-limit buckets and message routing shared by every instance of a server. Entry point: {@code
 * RedisClusterState}.
 */
module dev.jamfmcp.redis {
  requires transitive dev.jamfmcp.core;
  requires lettuce.core;
  requires org.slf4j;

  exports dev.jamfmcp.redis;
}
