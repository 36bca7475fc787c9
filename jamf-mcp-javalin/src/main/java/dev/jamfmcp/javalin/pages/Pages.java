package dev.jamfmcp.javalin.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Pages a person reads and acts on (approval, consent): jte templates from {@code src/main/jte},
 * compiled to Java at build time and HTML-escaped by default, sent with headers that forbid
 * framing, scripts, caching and referrers. No page needs JavaScript.
 */
public final class Pages {
  /** The one stylesheet, inlined by {@code layout.jte} and allowed by its hash in the CSP. */
  public static final String STYLESHEET = resource("page.css");

  private static final String STYLE_HASH = "'sha256-" + sha256(STYLESHEET) + "'";
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          Pages.class.getClassLoader(),
          "dev.jamfmcp.javalin.pages.templates");

  private Pages() {}

  /** Renders {@code template} (a path under {@code src/main/jte}, e.g. "approval/show.jte"). */
  public static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    ENGINE.render(template, params, out);
    return out.toString();
  }

  /**
   * Sends a rendered page with its security headers.
   *
   * @param formTargets origins a form on the page may post or be redirected to besides this one
   *     (Chrome applies {@code form-action} to the redirect after a post, e.g. back to an OAuth
   *     client's {@code redirect_uri})
   */
  public static void send(Context ctx, int status, String html, String... formTargets) {
    ctx.status(status);
    ctx.header("Content-Security-Policy", contentSecurityPolicy(formTargets));
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(html);
  }

  /** The policy every page is sent with: nothing but its own styles, forms and no framing. */
  public static String contentSecurityPolicy(String... formTargets) {
    String formAction =
        Stream.concat(Stream.of("'self'"), Stream.of(formTargets)).collect(Collectors.joining(" "));
    return "default-src 'none'; style-src "
        + STYLE_HASH
        + "; img-src 'self' data:; form-action "
        + formAction
        + "; frame-ancestors 'none'; base-uri 'none'";
  }

  private static String resource(String name) {
    try (InputStream in = Pages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
