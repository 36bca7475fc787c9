package dev.jamfmcp.simulator;

import dev.jamfmcp.simulator.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** A plain {@link HttpClient} pointed at one simulator, with the few helpers the tests need. */
final class SimClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final SimulatedJamfPro jamf;
  private String token;

  SimClient(SimulatedJamfPro jamf) {
    this.jamf = jamf;
  }

  /** A response with its body as text. */
  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      return Json.MAPPER.readTree(body);
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /** Fetches a client-credentials token and uses it from now on. */
  SimClient login() throws Exception {
    Reply reply =
        form(
            "/api/oauth/token",
            "grant_type=client_credentials&client_id=sim-client&client_secret=sim-secret");
    token = reply.json().path("access_token").asString();
    return this;
  }

  String token() {
    return token;
  }

  SimClient token(String value) {
    token = value;
    return this;
  }

  Reply get(String pathAndQuery) throws Exception {
    return send(request(pathAndQuery).GET());
  }

  Reply getClassic(String path) throws Exception {
    return send(request(path).header("Accept", "application/json").GET());
  }

  Reply post(String path, String json) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply put(String path, String json) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply delete(String path) throws Exception {
    return send(request(path).DELETE());
  }

  Reply deleteWithBody(String path, String xml) throws Exception {
    return send(
        request(path)
            .header("Content-Type", "text/xml")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(xml)));
  }

  Reply form(String path, String form) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(jamf.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  Reply basic(String path, String user, String password) throws Exception {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(jamf.baseUrl() + path))
            .header("Authorization", "Basic " + credentials)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(jamf.baseUrl() + pathAndQuery));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body(), response);
  }
}
