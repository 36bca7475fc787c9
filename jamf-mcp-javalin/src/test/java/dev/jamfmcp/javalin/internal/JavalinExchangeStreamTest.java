package dev.jamfmcp.javalin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.http.StreamOutput;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The raw stream under the SSE framing, over real HTTP on Jetty. */
class JavalinExchangeStreamTest {
  private Javalin app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void aStreamKeepsNoAggregationBufferAndEveryWriteReachesTheClient() throws Exception {
    AtomicInteger bufferSize = new AtomicInteger(-1);
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.get(
                      "/stream",
                      ctx -> {
                        StreamOutput out =
                            new JavalinExchange(ctx, 1024)
                                .startStream(200, Map.of("Content-Type", "text/event-stream"));
                        bufferSize.set(ctx.res().getBufferSize());
                        out.write(":one\n\n".getBytes(StandardCharsets.UTF_8));
                        out.write(":two\n\n".getBytes(StandardCharsets.UTF_8));
                      });
                })
            .start("127.0.0.1", 0);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/stream"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    assertThat(response.body()).isEqualTo(":one\n\n:two\n\n");
    // Jetty's default would be 32 KiB held per open stream; 1 means writes bypass aggregation.
    assertThat(bufferSize).hasValue(1);
  }
}
