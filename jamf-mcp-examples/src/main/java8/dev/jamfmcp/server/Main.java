package dev.jamfmcp.server;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;

/**
 * The jar's {@code Main-Class}: says in one line (exit 2) that the server needs Java 17 when an
 * older {@code java} runs it, then hands over to {@code ServerMain}. It is compiled for Java 8
 * (src/main/java8, its own compiler execution in the pom) so that Java 8 to 16 can load it; the
 * rest of the jar is Java 17 bytecode, which those JVMs refuse with a LinkageError and a trace.
 * It reaches ServerMain by reflection only, so that nothing of Java 17 is loaded before the check.
 */
public final class Main {
  /** The oldest Java the server runs on (the jar's bytecode level). */
  static final int REQUIRED = 17;

  private Main() {}

  public static void main(String[] args) throws Throwable {
    int code = check(System.getProperty("java.specification.version"), System.err);
    if (code != 0) {
      System.exit(code);
    }
    try {
      Class.forName("dev.jamfmcp.server.ServerMain")
          .getMethod("main", String[].class)
          .invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** 0 if {@code specVersion} ("1.8", "11", "17") is new enough, else prints why and returns 2. */
  static int check(String specVersion, PrintStream err) {
    int feature = feature(specVersion);
    if (feature >= REQUIRED) {
      return 0;
    }
    err.println(
        "jamf-mcp-server: Java "
            + REQUIRED
            + " or newer is needed, but this is Java "
            + specVersion
            + " ("
            + System.getProperty("java.home")
            + "). Fix: run the jar with the java of a JDK or JRE "
            + REQUIRED
            + "+ (java -version shows which one is on the PATH)");
    return 2;
  }

  /** The feature release: 8 for "1.8", 11 for "11"; if unreadable, let the JVM try. */
  static int feature(String specVersion) {
    if (specVersion == null) {
      return REQUIRED;
    }
    String text = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
    int end = 0;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end == 0 ? REQUIRED : Integer.parseInt(text.substring(0, end));
  }
}
