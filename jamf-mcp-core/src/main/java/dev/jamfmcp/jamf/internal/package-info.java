/**
 * Internals of the Jamf client: the request layers (retry, auth, limit, deprecation) around one
 * java.net.http exchange, assembled in {@link dev.jamfmcp.jamf.internal.Transport}; the token
 * cache; the pager; and {@link dev.jamfmcp.jamf.internal.Endpoints}, the catalogue of every request
 * the client can send, which the contract test checks against the Jamf Pro API description.
 */
package dev.jamfmcp.jamf.internal;
