package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.http.Router;

/** Registers every route the simulator serves. */
public final class JamfRoutes {
  private JamfRoutes() {}

  public static Router install(Router router, SimState state) {
    Scoping scoping = new Scoping(state);
    new AuthRoutes(state).register(router);
    new ComputerRoutes(state, scoping).register(router);
    new MobileDeviceRoutes(state).register(router);
    new ReferenceRoutes(state).register(router);
    new ComputerGroupRoutes(state, scoping).register(router);
    new MdmRoutes(state).register(router);
    new ClassicPolicyRoutes(state, scoping).register(router);
    new ClassicProfileRoutes(state).register(router);
    new ClassicComputerGroupRoutes(state).register(router);
    new AdminRoutes(state).register(router);
    new AdminObjectRoutes(state).register(router);
    new HistoryRoutes(state, scoping).register(router);
    new ClassicCommandFlush(state).register(router);
    new PatchReportRoutes(state).register(router);
    new SecretRoutes(state).register(router);
    new PrestageScopeRoutes(state).register(router);
    new SmartGroupRoutes(state).register(router);
    new SoftwareUpdateRoutes(state, scoping).register(router);
    return router;
  }
}
