package dev.jamfmcp.tools.support;

import java.net.URI;

/** Links to objects in the Jamf Pro web interface, for citations and for people. */
public final class JamfLinks {
  private final String base;

  public JamfLinks(URI webUrl) {
    String text = webUrl.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  public String computer(String id) {
    return base + "/computers.html?id=" + id + "&o=r";
  }

  public String mobileDevice(String id) {
    return base + "/mobileDevices.html?id=" + id + "&o=r";
  }

  public String policy(int id) {
    return base + "/policies.html?id=" + id + "&o=r";
  }

  public String macProfile(int id) {
    return base + "/OSXConfigurationProfiles.html?id=" + id + "&o=r";
  }

  public String mobileProfile(int id) {
    return base + "/iOSConfigurationProfiles.html?id=" + id + "&o=r";
  }

  public String script(String id) {
    return base + "/view/settings/computer-management/scripts/" + id;
  }

  public String smartGroup(String id) {
    return base + "/smartComputerGroups.html?id=" + id + "&o=r";
  }

  public String staticGroup(String id) {
    return base + "/staticComputerGroups.html?id=" + id + "&o=r";
  }
}
