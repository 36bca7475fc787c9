package dev.jamfmcp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

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
    rejectUnknownOptions(args);
    CommandLine result;
    try {
      result =
          DefaultParser.builder()
              // --jamf would otherwise mean --jamf-url if it were the only flag starting so
              .setAllowPartialMatching(false)
              // a secret given on the command line is taken as written, quotes included
              .setStripLeadingAndTrailingQuotes(false)
              .get()
              .parse(OPTIONS, args);
    } catch (ParseException e) {
      throw new ConfigException("command line: " + e.getMessage() + ". Fix: see --help");
    }
    if (!result.getArgList().isEmpty()) {
      throw new ConfigException(
          "command line: unexpected argument '"
              + result.getArgList().get(0)
              + "' (every setting is a --flag). Fix: see --help");
    }
    for (Option given : result.getOptions()) {
      String[] givenValues = result.getOptionValues(given.getLongOpt());
      if (givenValues != null && givenValues.length > 1) {
        throw new ConfigException(
            "command line: --"
                + given.getLongOpt()
                + " is given more than once. Fix: give it once");
      }
    }
    if (result.hasOption(HELP)) {
      return new Parsed(Action.HELP, null, usage());
    }
    if (result.hasOption(VERSION)) {
      return new Parsed(Action.VERSION, null, null);
    }
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    Map<Setting, String> explicit = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      String value;
      String name = setting.flag().substring(2);
      if (result.hasOption(name)) {
        value = result.getOptionValue(name, "true");
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

  /**
   * Names an unknown option as given, with the nearest known one. The parser alone would take
   * {@code --prot 8081} as an unknown token followed by a stray argument and report the argument.
   */
  static void rejectUnknownOptions(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return;
      }
      if (!arg.startsWith("-") || arg.length() < 2) {
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String bare = name.substring(name.startsWith("--") ? 2 : 1);
      Option option =
          OPTIONS.hasLongOption(bare)
              ? OPTIONS.getOption(bare)
              : name.startsWith("--") ? null : OPTIONS.getOption(bare);
      if (option == null) {
        String nearest = nearestOption(name);
        throw new ConfigException(
            "command line: unknown option "
                + name
                + (nearest == null ? "" : " (did you mean " + nearest + "?)")
                + ". Fix: see --help");
      }
      // The next word is this option's value (a secret may start with '-'), as the parser takes it.
      boolean valueFollows =
          equals < 0
              && i + 1 < args.length
              && option.hasArg()
              && (!option.hasOptionalArg() || !args[i + 1].startsWith("-"));
      if (valueFollows) {
        i++;
      }
    }
  }

  /** The known option closest to {@code given} by edit distance, if it is close enough. */
  static String nearestOption(String given) {
    String bare = given.replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Option option : OPTIONS.getOptions()) {
      if (option.getLongOpt() == null) {
        continue;
      }
      int distance = editDistance(bare, option.getLongOpt());
      if (distance < bestDistance) {
        bestDistance = distance;
        best = "--" + option.getLongOpt();
      }
    }
    // a third of the name may differ (--prot for --port, --jamf-ulr for --jamf-url), at least 2
    return bestDistance <= Math.max(2, bare.length() / 3) ? best : null;
  }

  /** Levenshtein distance, with a swap of two neighbouring letters counting as one edit. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
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

  private static final String HELP = "help";
  private static final String VERSION = "version";
  // Apache Commons CLI rather than a reflective CLI library: its classes are Java 8 bytecode, which
  // the AppCDS archive and the AOT cache can hold, and it builds these options in a few ms.
  private static final Options OPTIONS = options();

  private static Options options() {
    Options options = new Options();
    options.addOption(Option.builder("h").longOpt(HELP).desc("Show this help and exit.").get());
    options.addOption(
        Option.builder("V").longOpt(VERSION).desc("Print the version and exit.").get());
    for (Setting setting : Setting.values()) {
      Option.Builder option = Option.builder().longOpt(setting.flag().substring(2)).hasArg();
      if (setting.kind() == Setting.Kind.SWITCH) {
        // --read-only alone means true; --read-only=false turns it off
        option.optionalArg(true).argName("true|false");
      } else {
        option.argName(setting.flag().substring(2));
      }
      options.addOption(option.get());
    }
    return options;
  }

  /** The --help text: every flag with its variable, its default and what it does. */
  static String usage() {
    StringBuilder text =
        new StringBuilder()
            .append("Usage: java -jar jamf-mcp-server.jar [--demo] [--stdio] [options]\n")
            .append("An MCP server for Jamf Pro. Every option has an equal environment variable;")
            .append(" secrets may also come from <VARIABLE>_FILE. See docs/CONFIGURATION.md.\n\n")
            .append("  -h, --help       Show this help and exit.\n")
            .append("  -V, --version    Print the version and exit.\n");
    for (Setting setting : Setting.values()) {
      text.append("  ")
          .append(setting.flag())
          .append(setting.kind() == Setting.Kind.SWITCH ? "[=true|false]" : "=<value>")
          .append("\n      ")
          .append(setting.description())
          .append(" Env: ")
          .append(setting.env())
          .append(setting.kind() == Setting.Kind.SECRET ? " or " + setting.fileEnv() : "")
          .append(setting.defaultValue() == null ? "" : "; default " + setting.defaultValue())
          .append("\n");
    }
    return text.toString();
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
