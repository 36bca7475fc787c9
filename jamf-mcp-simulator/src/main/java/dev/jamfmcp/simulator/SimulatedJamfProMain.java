package dev.jamfmcp.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator from the command line and prints its base URL: {@code java -cp ...
 * dev.jamfmcp.simulator.SimulatedJamfProMain --port 9000 --computers 100000}. Options: --port,
 * --bind, --seed, --computers, --mobile-devices, --client-id, --client-secret, --username,
 * --password, --client-token-seconds, --user-token-seconds, --mdm-ack-seconds.
 */
public final class SimulatedJamfProMain {
  private SimulatedJamfProMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(USAGE);
      return;
    }
    SimulatedJamfPro jamf = SimulatedJamfPro.start(parse(args));
    System.out.println(jamf.baseUrl());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  jamf.stop();
                  stopped.countDown();
                }));
    stopped.await();
  }

  static final String USAGE =
      "options: --port N (9000) --bind ADDR --seed N --computers N --mobile-devices N"
          + " --client-id ID --client-secret S --username U --password P"
          + " --client-token-seconds N --user-token-seconds N --mdm-ack-seconds N";

  /** Turns command-line options into a config; unknown options and missing values are errors. */
  static SimulatorConfig parse(String[] args) {
    SimulatorConfig defaults = SimulatorConfig.builder().build();
    SimulatorConfig.Builder config = SimulatorConfig.builder().port(9000);
    String clientId = defaults.clientId();
    String clientSecret = defaults.clientSecret();
    String username = defaults.username();
    String password = defaults.password();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--port":
          config.port(Integer.parseInt(value));
          break;
        case "--bind":
          config.bindAddress(value);
          break;
        case "--seed":
          config.seed(Long.parseLong(value));
          break;
        case "--computers":
          config.computers(Integer.parseInt(value));
          break;
        case "--mobile-devices":
          config.mobileDevices(Integer.parseInt(value));
          break;
        case "--client-id":
          clientId = value;
          break;
        case "--client-secret":
          clientSecret = value;
          break;
        case "--username":
          username = value;
          break;
        case "--password":
          password = value;
          break;
        case "--client-token-seconds":
          config.clientTokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
          break;
        case "--user-token-seconds":
          config.userTokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
          break;
        case "--mdm-ack-seconds":
          config.mdmAcknowledgeAfter(Duration.ofSeconds(Long.parseLong(value)));
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
      }
    }
    return config
        .clientCredentials(clientId, clientSecret)
        .userCredentials(username, password)
        .build();
  }
}
