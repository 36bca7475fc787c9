package dev.jamfmcp.benchmarks.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated Jamf Pro in its own JVM (same class path), so that its heap and its garbage never
 * show up in the client's measurements. Started on a free port; stopped on close.
 */
final class SimulatorProcess implements AutoCloseable {
  private final Process process;
  private final String baseUrl;

  private SimulatorProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  static SimulatorProcess start(int computers, String heap) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx" + heap,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.jamfmcp.simulator.SimulatedJamfProMain",
            "--port",
            "0",
            "--computers",
            String.valueOf(computers),
            "--mobile-devices",
            "10",
            "--client-token-seconds",
            "3600");
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine(); // the simulator prints its base URL once it serves
    if (line == null || !line.startsWith("http")) {
      process.destroyForcibly();
      throw new IOException("the simulator did not start: " + line);
    }
    return new SimulatorProcess(process, line.trim());
  }

  String baseUrl() {
    return baseUrl;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
