package dev.jamfmcp.jamf.org;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.internal.Endpoints;
import dev.jamfmcp.jamf.internal.Operations;
import dev.jamfmcp.jamf.internal.Transport;

/**
 * Departments, buildings and categories: the small lists that resolve the ids found in inventory
 * records. Obtain from {@code JamfClient.organization()}.
 */
public final class Organization {

  private final Transport transport;

  static {
    Operations.register(Organization.class, Organization::new);
  }

  /** Obtained from {@code JamfClient}, which builds it with {@link Operations}. */
  private Organization(Transport transport) {
    this.transport = transport;
  }

  public Listing<Department> departments(ListQuery query) {
    return transport.list(Endpoints.DEPARTMENTS.request(), query, Department.class);
  }

  public Listing<Building> buildings(ListQuery query) {
    return transport.list(Endpoints.BUILDINGS.request(), query, Building.class);
  }

  public Listing<Category> categories(ListQuery query) {
    return transport.list(Endpoints.CATEGORIES.request(), query, Category.class);
  }
}
