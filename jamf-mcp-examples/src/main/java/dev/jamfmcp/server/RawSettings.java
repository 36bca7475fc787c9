package dev.jamfmcp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The text of every {@link Setting}, from (highest first) the command line, the environment, a
 * {@code <NAME>_FILE} for secrets, and the default. Nothing here logs: logging is configured from
 * the result.
 */
public final class RawSettings {
  private final Map<Setting, String> values;
  private final Map<Setting, String> explicit;

  private RawSettings(Map<Setting, String> values, Map<Setting, String> explicit) {
    this.values = values;
    this.explicit = explicit;
  }

  /** What the command line asked for besides settings. */
  public enum Action {
    RUN,
    HELP,
    VERSION
  }

  /** The parsed command line: an action, and the settings if the action is to run. */
  public record Parsed(Action action, RawSettings settings, String usage) {}

  public static Parsed parse(String[] args, Map<String, String> env) {
    CommandSpec spec = spec();
    CommandLine cli = new CommandLine(spec);
    ParseResult result;
    try {
      result = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new ConfigException("command line: " + e.getMessage() + ". Fix: see --help");
    }
    if (result.isUsageHelpRequested()) {
      return new Parsed(Action.HELP, null, cli.getUsageMessage());
    }
    if (result.isVersionHelpRequested()) {
      return new Parsed(Action.VERSION, null, null);
    }
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    Map<Setting, String> explicit = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      String value = null;
      if (result.hasMatchedOption(setting.flag())) {
        value = result.matchedOptionValue(setting.flag(), "true");
      } else {
        value = fromEnvironment(setting, env);
      }
      if (value != null) {
        explicit.put(setting, value);
      } else {
        value = setting.defaultValue();
      }
      if (value != null) {
        values.put(setting, value);
      }
    }
    return new Parsed(Action.RUN, new RawSettings(values, explicit), null);
  }

  private static String fromEnvironment(Setting setting, Map<String, String> env) {
    String direct = blankToNull(env.get(setting.env()));
    if (setting.kind() != Setting.Kind.SECRET) {
      return direct;
    }
    String file = blankToNull(env.get(setting.fileEnv()));
    if (file == null) {
      return direct;
    }
    if (direct != null) {
      throw new ConfigException(
          setting.env()
              + " and "
              + setting.fileEnv()
              + ": both are set. Fix: keep only one of them");
    }
    try {
      // Secret files usually end with a newline; it is never part of the secret.
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          setting.fileEnv()
              + ": cannot read "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "). Fix: point it at a readable file holding the secret");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static CommandSpec spec() {
    CommandSpec spec =
        CommandSpec.create()
            .name("java -jar jamf-mcp-server.jar")
            .mixinStandardHelpOptions(true)
            .version("jamf-mcp-server " + ServerVersion.get());
    spec.usageMessage()
        .description(
            "An MCP server for Jamf Pro. Every option has an equal environment variable;"
                + " secrets may also come from <VARIABLE>_FILE. See docs/CONFIGURATION.md.");
    for (Setting setting : Setting.values()) {
      OptionSpec.Builder option =
          OptionSpec.builder(setting.flag())
              .type(String.class)
              .description(
                  setting.description()
                      + " Env: "
                      + setting.env()
                      + (setting.kind() == Setting.Kind.SECRET ? " or " + setting.fileEnv() : "")
                      + (setting.defaultValue() == null
                          ? ""
                          : "; default " + setting.defaultValue()));
      if (setting.kind() == Setting.Kind.SWITCH) {
        option.arity("0..1").paramLabel("true|false").fallbackValue("true");
      } else {
        option.arity("1").paramLabel("<" + setting.flag().substring(2) + ">");
      }
      spec.addOption(option.build());
    }
    return spec;
  }

  /** The value in effect, or empty when there is none (no value and no default). */
  public Optional<String> get(Setting setting) {
    return Optional.ofNullable(values.get(setting));
  }

  /** Whether the operator set it (flag, variable or file), as opposed to the default. */
  public boolean isSet(Setting setting) {
    return explicit.containsKey(setting);
  }
}
