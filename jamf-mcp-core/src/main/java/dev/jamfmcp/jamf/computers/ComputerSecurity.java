package dev.jamfmcp.jamf.computers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The SECURITY section: SIP, Gatekeeper, firewall and lock states. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComputerSecurity(
    String sipStatus,
    String gatekeeperStatus,
    Boolean firewallEnabled,
    Boolean activationLockEnabled,
    Boolean recoveryLockEnabled,
    String secureBootLevel,
    String bootstrapTokenEscrowedStatus) {}
