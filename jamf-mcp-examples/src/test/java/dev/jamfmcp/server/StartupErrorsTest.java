package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Start-up errors are one line on stderr and exit code 2, found before anything starts: an unknown
 * option, a JAMF_URL that is not the server's address, a port in use, a Java older than 17. The
 * same through the packaged jar: {@link StartupErrorsIT}.
 */
class StartupErrorsTest {
  static final Map<String, String> JAMF =
      Map.of("JAMF_CLIENT_ID", "id", "JAMF_CLIENT_SECRET", "secret", "MCP_READ_ONLY", "true");

  record Outcome(int code, String out, String err) {
    /** Exactly one line on stderr, no stack trace, nothing on stdout. */
    Outcome isOneLineError() {
      assertThat(code).as(err).isEqualTo(ServerMain.EXIT_CONFIG);
      assertThat(err.lines()).as(err).hasSize(1);
      assertThat(err).startsWith("jamf-mcp-server: ").doesNotContain("\tat ", "Exception");
      assertThat(out).isEmpty();
      return this;
    }
  }

  static Outcome run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ServerMain.run(
            args,
            env,
            InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void unknownOptionIsNamedAsGivenWithTheNearestOne() {
    Outcome o = run(Map.of(), "--demo", "--prot", "8081").isOneLineError();
    assertThat(o.err())
        .contains("unknown option --prot (did you mean --port?)")
        .doesNotContain("8081");
    assertThat(run(Map.of(), "--demo", "--jamf-ulr=https://x").isOneLineError().err())
        .contains("unknown option --jamf-ulr (did you mean --jamf-url?)");
    assertThat(run(Map.of(), "--frobnicate").isOneLineError().err())
        .contains("unknown option --frobnicate.")
        .doesNotContain("did you mean");
    assertThat(run(Map.of(), "-x").isOneLineError().err()).contains("unknown option -x");
  }

  @Test
  void optionValuesThatStartWithADashAreNotOptions() {
    // a secret may start with '-'; it is the value of the option before it, not an option
    RawSettings raw =
        RawSettings.parse(
                new String[] {"--jamf-client-secret", "-not-an-option", "--read-only"}, Map.of())
            .settings();
    assertThat(raw.get(Setting.JAMF_CLIENT_SECRET)).contains("-not-an-option");
  }

  @Test
  void nearestOptionOnlyWhenClose() {
    assertThat(RawSettings.nearestOption("--prot")).isEqualTo("--port");
    assertThat(RawSettings.nearestOption("--stdoi")).isEqualTo("--stdio");
    assertThat(RawSettings.nearestOption("--zzzzzzzz")).isNull();
    assertThat(RawSettings.editDistance("port", "prot")).isEqualTo(1);
  }

  @Test
  void jamfUrlWithAnApiPathIsRefusedAtStart() {
    Map<String, String> env = new java.util.HashMap<>(JAMF);
    env.put("JAMF_URL", "https://x.jamfcloud.com/JSSResource");
    assertThat(run(env).isOneLineError().err())
        .contains("JAMF_URL (--jamf-url)")
        .contains("/JSSResource")
        .contains("Fix: set it to https://x.jamfcloud.com");
    env.put("JAMF_URL", "https://jamf.example.com:8443/api/v1/");
    assertThat(run(env).isOneLineError().err()).contains("set it to https://jamf.example.com:8443");
    env.put("JAMF_URL", "https://jamf.example.com/index.html");
    run(env).isOneLineError();
    env.put("JAMF_URL", "https://jamf.example.com/?x=1");
    assertThat(run(env).isOneLineError().err()).contains("query");
    env.put("JAMF_URL", "ftp://jamf.example.com");
    assertThat(run(env).isOneLineError().err()).contains("http(s)");
  }

  @Test
  void jamfUrlMayBeTheAddressOrAnOnPremisesContextPath() {
    JamfUrl.check(java.net.URI.create("https://x.jamfcloud.com"));
    JamfUrl.check(java.net.URI.create("https://x.jamfcloud.com/"));
    JamfUrl.check(java.net.URI.create("https://jamf.example.com:8443/jss"));
  }

  @Test
  void portInUseIsOneLineBeforeTheDemoStarts() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      Outcome o = run(Map.of(), "--demo", "--port", String.valueOf(port)).isOneLineError();
      assertThat(o.err())
          .contains("MCP_PORT (--port)")
          .contains("port " + port + " on 127.0.0.1 is already in use");
    }
  }

  @Test
  void javaOlderThan17IsOneLineAndExitTwo() {
    for (String old : new String[] {"1.8", "11", "16"}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = Main.check(old, new PrintStream(err, true, StandardCharsets.UTF_8));
      String text = err.toString(StandardCharsets.UTF_8);
      assertThat(code).as(old).isEqualTo(2);
      assertThat(text.lines()).hasSize(1);
      assertThat(text).contains("Java 17 or newer is needed, but this is Java " + old);
    }
    ByteArrayOutputStream none = new ByteArrayOutputStream();
    assertThat(Main.check("17", new PrintStream(none, true, StandardCharsets.UTF_8))).isZero();
    assertThat(Main.check("25", new PrintStream(none, true, StandardCharsets.UTF_8))).isZero();
    assertThat(none.size()).isZero();
  }

  /** Java 8 to 16 can load the entry point only if it is Java 8 bytecode (class file 52). */
  @Test
  void entryPointIsJava8Bytecode() throws IOException {
    try (DataInputStream in = new DataInputStream(Main.class.getResourceAsStream("Main.class"))) {
      assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
      in.readUnsignedShort(); // minor
      assertThat(in.readUnsignedShort()).isEqualTo(52);
    }
  }
}
