package dev.jamfmcp.server;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code java -jar jamf-mcp-server.jar [--demo] [--stdio] [options]}. Exit codes: 0 done (help,
 * version, stdin closed), 1 failed while running, 2 a setting is missing or contradictory. Logging
 * is configured from the settings, so nothing may log before they are read.
 */
public final class ServerMain {
  /** A setting is missing, contradictory, or rejected (Jamf Pro refused the credentials). */
  public static final int EXIT_CONFIG = 2;

  /** run() returns this when the HTTP server keeps running on its own threads. */
  static final int RUNNING = -1;

  private ServerMain() {}

  public static void main(String[] args) {
    Thread warmUp = new Thread(ServerMain::warmUp, "startup-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    int code = run(args, System.getenv(), System.in, System.out, System.err);
    if (code != RUNNING) {
      System.exit(code);
    }
  }

  static int run(
      String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    StartupTimeline timeline = new StartupTimeline();
    ServerConfig config;
    try {
      RawSettings.Parsed parsed = RawSettings.parse(args, env);
      switch (parsed.action()) {
        case HELP -> {
          out.print(parsed.usage());
          return 0;
        }
        case VERSION -> {
          out.println("jamf-mcp-server " + ServerVersion.get());
          return 0;
        }
        default -> {}
      }
      config = ServerConfig.from(parsed.settings());
    } catch (ConfigException e) {
      err.println("jamf-mcp-server: " + e.getMessage());
      return EXIT_CONFIG;
    }
    Logging.configure(config.logs(), err);
    skipJettyJmxProbe();
    timeline.mark("settings");
    try {
      return Launcher.launch(config, in, out, err, timeline);
    } catch (ConfigException e) {
      err.println("jamf-mcp-server: " + e.getMessage());
      return EXIT_CONFIG;
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(ServerMain.class).error("Start-up failed", e);
      err.println("jamf-mcp-server: start-up failed: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Start-up work that does not depend on the settings, done on the second core while the main
   * thread parses them (and loads the CLI classes): the JDK's default TLS context, which the Jamf
   * client's {@code HttpClient} asks for (loading the trust store parses every CA certificate), and
   * the JSON mapper of the MCP engine. Each is made once per process and cached by the JDK or the
   * class; done here, the main thread and the engine thread find them ready. Nothing here logs
   * (logging is configured from the settings).
   */
  static void warmUp() {
    try {
      javax.net.ssl.SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      // The Jamf client asks again and reports it.
    }
    dev.jamfmcp.mcp.jsonrpc.Json.mapper();
  }

  /**
   * Jetty's {@code MemoryUtils} asks the platform MBean server whether compressed oops are on, only
   * to size the padding of a few counters; that starts JMX (about 170 classes and the registration
   * of every platform MBean) on the start-up path. Its own system property answers instead:
   * references per 64-byte cache line, 16 with compressed oops (heaps under 32 GB), else 8. A wrong
   * guess (compressed oops turned off by hand) only over-pads. An operator's -D wins.
   */
  static void skipJettyJmxProbe() {
    String property = "org.eclipse.jetty.util.referencesPerCacheLine";
    if (System.getProperty(property) == null) {
      long maxHeap = Runtime.getRuntime().maxMemory();
      System.setProperty(property, maxHeap < (32L << 30) ? "16" : "8");
    }
  }
}
