package dev.jamfmcp.mcp.stdio;

import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.testing.InteropTools;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import org.slf4j.LoggerFactory;

/**
 * A stdio MCP server for interop tests, run as a child process by {@link SdkStdioInteropTest}. Only
 * protocol lines may reach the real stdout, so {@code System.out} is pointed at stderr before
 * anything else runs: a stray print from a library cannot corrupt the stream.
 */
public final class StdioTestServer {
  static final String NAME = "jamf-mcp-interop";
  static final String VERSION = "0.0.1-test";
  static final String READY = "StdioTestServer ready";
  static final String DONE = "StdioTestServer stdin closed, exiting";

  private StdioTestServer() {}

  public static void main(String[] args) throws Exception {
    InputStream in = new FileInputStream(FileDescriptor.in);
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, "UTF-8"));
    var log = LoggerFactory.getLogger(StdioTestServer.class);
    try (McpServer server =
        McpServer.create(
            config ->
                config
                    .serverInfo(Implementation.of(NAME, VERSION))
                    .instructions("Test server: echo and add.")
                    .tools(InteropTools.all()))) {
      log.info(READY);
      System.out.println("stray print: must land on stderr"); // proves stdout stays clean
      StdioTransport.serve(server, in, out, Principal.of("local", "read:jamf"));
      log.info(DONE);
    }
    System.exit(0);
  }
}
