package dev.jamfmcp.simulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches method and path against {@code /a/{param}/b} patterns, in registration order. */
public final class Router {
  private final List<Route> routes = new ArrayList<>();

  /** A registered route. */
  public record Route(String method, String[] segments, Area area, Handler handler) {}

  /** The route found for a request and the path parameters it bound. */
  public record Match(Route route, Map<String, String> pathParams) {}

  public Router get(String pattern, Area area, Handler handler) {
    return add("GET", pattern, area, handler);
  }

  public Router post(String pattern, Area area, Handler handler) {
    return add("POST", pattern, area, handler);
  }

  public Router put(String pattern, Area area, Handler handler) {
    return add("PUT", pattern, area, handler);
  }

  public Router delete(String pattern, Area area, Handler handler) {
    return add("DELETE", pattern, area, handler);
  }

  public Router add(String method, String pattern, Area area, Handler handler) {
    routes.add(new Route(method, split(pattern), area, handler));
    return this;
  }

  /** The route for this method and path, if any. */
  public Optional<Match> match(String method, String path) {
    String[] segments = split(path);
    for (Route route : routes) {
      if (route.method().equals(method)) {
        Map<String, String> params = bind(route.segments(), segments);
        if (params != null) {
          return Optional.of(new Match(route, params));
        }
      }
    }
    return Optional.empty();
  }

  /** Every route as {@code "METHOD /pattern"}, in registration order. */
  public List<String> describe() {
    return routes.stream().map(r -> r.method() + " /" + String.join("/", r.segments())).toList();
  }

  /** True when some other method is routed at this path (405 rather than 404). */
  public boolean pathExists(String path) {
    String[] segments = split(path);
    return routes.stream().anyMatch(r -> bind(r.segments(), segments) != null);
  }

  private static Map<String, String> bind(String[] pattern, String[] path) {
    if (pattern.length != path.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        if (path[i].isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), path[i]);
      } else if (!p.equals(path[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.split("/", -1);
  }
}
