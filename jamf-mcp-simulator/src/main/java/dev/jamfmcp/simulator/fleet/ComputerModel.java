package dev.jamfmcp.simulator.fleet;

/** One Mac hardware model as Jamf reports it in the HARDWARE section. */
public record ComputerModel(
    String model,
    String modelIdentifier,
    String shortName,
    String namePrefix,
    boolean appleSilicon,
    String processorType,
    int coreCount,
    int ramMegabytes,
    int storageGigabytes,
    boolean laptop) {

  public String processorArchitecture() {
    return appleSilicon ? "arm64" : "x86_64";
  }
}
