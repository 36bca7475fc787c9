package dev.jamfmcp.jamf.computers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The DISK_ENCRYPTION section (the boot partition's FileVault state is the one that matters). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComputerDiskEncryption(
    Boolean fileVault2Enabled,
    String individualRecoveryKeyValidityStatus,
    Boolean institutionalRecoveryKeyPresent) {}
