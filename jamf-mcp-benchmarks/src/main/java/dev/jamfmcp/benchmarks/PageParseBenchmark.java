package dev.jamfmcp.benchmarks;

import dev.jamfmcp.jamf.Page;
import dev.jamfmcp.jamf.computers.Computer;
import dev.jamfmcp.jamf.internal.PageReader;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of the fleet scan parsed on its own: 2,000 computers with the GENERAL section, exactly
 * the bytes the simulator serves for {@code GET
 * /api/v3/computers-inventory?section=GENERAL&page=0&page-size=2000} (fetched once at set-up), read
 * by the pager's own {@link PageReader} into {@link Computer} records ({@code pager}: Jackson's
 * streaming parser over the bytes, each result bound by Jackson's record deserializer). {@code
 * tokens} is the floor of any reader on Jackson's parser: the same bytes tokenized, every value
 * left undecoded. Time and allocation per page do not depend on the machine's load the way a scan's
 * wall time does.
 *
 * <pre>
 * java -jar jamf-mcp-benchmarks/target/benchmarks.jar PageParseBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class PageParseBenchmark {
  static final int COMPUTERS = 2000;
  static final String OPERATION = "GET /api/v3/computers-inventory";

  byte[] page;
  final PageReader<Computer> reader = PageReader.of(Computer.class);
  final JsonMapper tokenizer = JsonMapper.shared();

  @Setup(Level.Trial)
  public void fetchOnePage() throws IOException, InterruptedException {
    page = fetchPage(COMPUTERS);
    Page<Computer> parsed = reader.read(page, OPERATION, 0);
    if (parsed.results().size() != COMPUTERS || parsed.results().get(0).general() == null) {
      throw new IllegalStateException("unexpected page: " + parsed.results().size() + " results");
    }
    System.out.println("\npage: " + page.length + " bytes, " + COMPUTERS + " computers");
  }

  /** The simulator's answer to page 0 of {@code computers} computers with GENERAL, as bytes. */
  static byte[] fetchPage(int computers) throws IOException, InterruptedException {
    try (SimulatedJamfPro sim =
        SimulatedJamfPro.start(SimulatorConfig.of(b -> b.computers(computers).mobileDevices(1)))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String form =
          "grant_type=client_credentials&client_id="
              + URLEncoder.encode(sim.config().clientId(), StandardCharsets.UTF_8)
              + "&client_secret="
              + URLEncoder.encode(sim.config().clientSecret(), StandardCharsets.UTF_8);
      String token =
          JsonMapper.shared()
              .readTree(
                  http.send(
                          HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/oauth/token"))
                              .header("Content-Type", "application/x-www-form-urlencoded")
                              .POST(HttpRequest.BodyPublishers.ofString(form))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .path("access_token")
              .asString();
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          sim.baseUrl()
                              + "/api/v3/computers-inventory?section=GENERAL&page=0&page-size="
                              + computers))
                  .header("Accept", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("the simulator answered HTTP " + response.statusCode());
      }
      return response.body();
    }
  }

  /** The pager's work on one page. */
  @Benchmark
  public Page<Computer> pager() {
    return reader.read(page, OPERATION, 0);
  }

  /** Jackson's tokenizer alone over the same bytes: no names or values decoded. */
  @Benchmark
  public int tokens() {
    int n = 0;
    try (JsonParser parser = tokenizer.createParser(page)) {
      while (parser.nextToken() != null) {
        n++;
      }
    }
    return n;
  }
}
