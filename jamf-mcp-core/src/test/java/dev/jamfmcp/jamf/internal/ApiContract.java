package dev.jamfmcp.jamf.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The Jamf Pro 11.30.1 API description, read from {@code shared/jamf-pro-api/11.30.1} beside the
 * checkout: operations as "METHOD /path/{template}" plus, for the Pro API, the query parameters
 * each operation declares.
 */
final class ApiContract {

  static final String VERSION_DIR = "shared/jamf-pro-api/11.30.1";

  private static final Pattern CLASSIC_PATH = Pattern.compile("^  '?(/[^':]*)'?:\\s*$");
  private static final Pattern CLASSIC_METHOD =
      Pattern.compile("^    (get|put|post|delete|patch|head|options):\\s*$");

  final Set<String> operations = new HashSet<>();
  final Map<String, Set<String>> queryParameters = new HashMap<>();

  static Path locate() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(VERSION_DIR);
      if (Files.isRegularFile(candidate.resolve("jamf-pro-api.openapi.json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "Cannot find "
            + VERSION_DIR
            + " in "
            + start
            + " or any parent."
            + " The contract test needs the Jamf Pro API description checked out beside the repository"
            + " (…/shared/jamf-pro-api/11.30.1 next to …/<checkout>).");
  }

  static ApiContract load() throws IOException {
    Path dir = locate();
    ApiContract contract = new ApiContract();
    contract.readOpenApi(dir.resolve("jamf-pro-api.openapi.json"));
    contract.readClassicSwagger(dir.resolve("classic-api.swagger.yaml"));
    return contract;
  }

  private void readOpenApi(Path file) throws IOException {
    JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
    String server = root.path("servers").path(0).path("url").asString("/api");
    JsonNode parameters = root.path("components").path("parameters");
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String key = op.getKey().toUpperCase() + " " + server + path.getKey();
        operations.add(key);
        Set<String> names = new HashSet<>();
        for (JsonNode p : op.getValue().path("parameters")) {
          JsonNode param =
              p.has("$ref") ? parameters.path(p.get("$ref").asString().replaceAll(".*/", "")) : p;
          if ("query".equals(param.path("in").asString())) {
            names.add(param.path("name").asString());
          }
        }
        queryParameters.put(key, names);
      }
    }
  }

  /** The Classic swagger is YAML; its path and method lines are regular enough to read directly. */
  private void readClassicSwagger(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String currentPath = null;
    boolean inPaths = false;
    for (String line : lines) {
      if (line.startsWith("paths:")) {
        inPaths = true;
        continue;
      }
      if (inPaths && !line.isEmpty() && !line.startsWith(" ")) {
        break; // definitions: and the rest
      }
      Matcher path = CLASSIC_PATH.matcher(line);
      if (inPaths && path.matches()) {
        currentPath = path.group(1);
        continue;
      }
      Matcher method = CLASSIC_METHOD.matcher(line);
      if (currentPath != null && method.matches()) {
        operations.add(method.group(1).toUpperCase() + " /JSSResource" + currentPath);
      }
    }
  }

  /**
   * The contract operation matching {@code method template}, or null. When several match ({@code
   * /mobile-devices/detail} and {@code /mobile-devices/{id}}) the most literal one wins.
   */
  String find(String method, String template) {
    String[] ours = template.split("/");
    String best = null;
    long bestPlaceholders = Long.MAX_VALUE;
    for (String op : operations) {
      String[] parts = op.split(" ", 2);
      if (!parts[0].equals(method)) {
        continue;
      }
      String[] theirs = parts[1].split("/");
      if (theirs.length == ours.length && segmentsMatch(ours, theirs)) {
        long placeholders = parts[1].chars().filter(c -> c == '{').count();
        if (placeholders < bestPlaceholders) {
          best = op;
          bestPlaceholders = placeholders;
        }
      }
    }
    return best;
  }

  /** A placeholder in the contract accepts any segment of ours; ours may fix it to a literal. */
  private static boolean segmentsMatch(String[] ours, String[] theirs) {
    for (int i = 0; i < ours.length; i++) {
      boolean theirsIsPlaceholder = theirs[i].startsWith("{") && theirs[i].endsWith("}");
      if (!theirsIsPlaceholder && !theirs[i].equals(ours[i])) {
        return false;
      }
    }
    return true;
  }
}
