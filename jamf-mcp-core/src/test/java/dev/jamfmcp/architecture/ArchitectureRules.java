package dev.jamfmcp.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture of jamf-mcp as executable rules (see ARCHITECTURE.md). Core's test checks them
 * against core alone; the examples module, which sees every module, checks them against all.
 *
 * <p>Each rule is an {@code @ArchTest}, so a test class runs them all with {@code
 * ArchTests.in(ArchitectureRules.class)}; a new rule here is checked in both places.
 *
 * <p>Rules about packages that do not exist yet (the Jamf client, the tools, the Javalin face) are
 * written for the intended layout and allow an empty subject until that code lands.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The packages of jamf-mcp-core: the MCP engine, the Jamf client and the tools. */
  static final String[] CORE = {"dev.jamfmcp.mcp..", "dev.jamfmcp.jamf..", "dev.jamfmcp.tools.."};

  /** HTTP servers and application frameworks that core must never need. */
  static final String[] SERVER_FRAMEWORKS = {
    "io.javalin..",
    "org.eclipse.jetty..",
    "com.nimbusds..",
    "jakarta.servlet..",
    "javax.servlet..",
    "jakarta.ws.rs..",
    "javax.ws.rs..",
    "com.sun.net.httpserver..",
    "org.springframework..",
    "io.micronaut..",
    "io.quarkus..",
    "io.helidon..",
    "io.vertx..",
    "io.undertow..",
    "org.apache.catalina..",
  };

  /** Transports: the engine never sees them, tools never touch them. */
  static final String[] TRANSPORTS = {
    "dev.jamfmcp.mcp.stdio..", "dev.jamfmcp.mcp.http..", "dev.jamfmcp.javalin.."
  };

  // ---- what core may depend on ------------------------------------------------------------

  @ArchTest
  public static final ArchRule CORE_IS_FRAMEWORK_FREE =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SERVER_FRAMEWORKS)
          .because(
              "core must embed anywhere (Spring, Helidon, a Lambda, a plain JDK server) with only"
                  + " Jackson and slf4j; HTTP frameworks belong in jamf-mcp-javalin");

  @ArchTest
  public static final ArchRule CORE_DEPENDS_ON_NO_OTHER_MODULE =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .should()
          .dependOnClassesThat(resideInAPackage("dev.jamfmcp..").and(not(resideInAnyPackage(CORE))))
          .because(
              "the module arrows point one way: examples -> javalin -> core; simulator stands alone");

  @ArchTest
  public static final ArchRule JAVALIN_DEPENDS_ONLY_ON_CORE_AND_JWT =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.javalin..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.jamfmcp..")
                  .and(not(resideInAnyPackage(CORE)))
                  .and(not(resideInAPackage("dev.jamfmcp.jwt..")))
                  .and(not(resideInAPackage("dev.jamfmcp.javalin.."))))
          .allowEmptyShould(true)
          .because(
              "the module arrows point one way: examples -> javalin -> jwt -> core; simulator"
                  + " stands alone");

  @ArchTest
  public static final ArchRule JWT_DEPENDS_ONLY_ON_CORE =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.jwt..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.jamfmcp..")
                  .and(not(resideInAnyPackage(CORE)))
                  .and(not(resideInAPackage("dev.jamfmcp.jwt.."))))
          .allowEmptyShould(true)
          .because("jamf-mcp-jwt is token validation for any host; it builds on core alone");

  @ArchTest
  public static final ArchRule JWT_IS_FRAMEWORK_FREE =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.jwt..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(SERVER_FRAMEWORKS).and(not(resideInAPackage("com.nimbusds.."))))
          .allowEmptyShould(true)
          .because(
              "a Tomcat or Spring host validates tokens with jamf-mcp-jwt without Javalin or Jetty");

  @ArchTest
  public static final ArchRule SERVLET_DEPENDS_ONLY_ON_CORE =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.servlet..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.jamfmcp..")
                  .and(not(resideInAnyPackage(CORE)))
                  .and(not(resideInAPackage("dev.jamfmcp.servlet.."))))
          .allowEmptyShould(true)
          .because("the servlet face is the core's transport in any servlet container, no Javalin");

  @ArchTest
  public static final ArchRule REDIS_DEPENDS_ONLY_ON_CORE =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.redis..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.jamfmcp..")
                  .and(not(resideInAnyPackage(CORE)))
                  .and(not(resideInAPackage("dev.jamfmcp.redis.."))))
          .allowEmptyShould(true)
          .because("jamf-mcp-redis implements core's cluster-state SPI and needs nothing else");

  @ArchTest
  public static final ArchRule SIMULATOR_STANDS_ALONE =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.simulator..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.jamfmcp..")
                  .and(not(resideInAPackage("dev.jamfmcp.simulator.."))))
          .allowEmptyShould(true)
          .because(
              "the simulated Jamf Pro implements the published API, not our client's idea of it,"
                  + " and core's tests depend on it: an arrow back would be a circle");

  @ArchTest
  public static final ArchRule ONLY_THE_EXECUTABLE_AND_TESTS_USE_THE_SIMULATOR =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .or()
          .resideInAPackage("dev.jamfmcp.jwt..")
          .or()
          .resideInAPackage("dev.jamfmcp.javalin..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.jamfmcp.simulator..")
          .because(
              "the libraries talk to a real Jamf Pro; the simulator is for the demo and tests");

  // ---- layers inside core -----------------------------------------------------------------

  @ArchTest
  public static final ArchRule ENGINE_KNOWS_NEITHER_CLIENT_NOR_TOOLS =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.mcp..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.jamfmcp.jamf..", "dev.jamfmcp.tools..")
          .because("the MCP engine is a generic protocol library; Jamf lives in the layers above");

  @ArchTest
  public static final ArchRule CLIENT_KNOWS_NEITHER_ENGINE_NOR_TOOLS =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.jamf..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.jamfmcp.mcp..", "dev.jamfmcp.tools..")
          .allowEmptyShould(true)
          .because("JamfClient is a plain Jamf Pro client, usable without MCP");

  @ArchTest
  public static final ArchRule TOOLS_DO_NOT_TOUCH_TRANSPORTS =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.tools..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TRANSPORTS)
          .allowEmptyShould(true)
          .because("a tool behaves the same on every transport; it sees only its RequestContext");

  @ArchTest
  public static final ArchRule ENGINE_DOES_NOT_SEE_TRANSPORTS =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.mcp..")
          .and()
          .resideOutsideOfPackages("dev.jamfmcp.mcp.stdio..", "dev.jamfmcp.mcp.http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TRANSPORTS)
          .because("transports feed McpSession; the engine must not know which one is talking");

  @ArchTest
  public static final ArchRule CODEC_IS_THE_BOTTOM_LAYER =
      noClasses()
          .that()
          .resideInAPackage("dev.jamfmcp.mcp.jsonrpc..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.jamfmcp..")
                  .and(not(resideInAPackage("dev.jamfmcp.mcp.jsonrpc.."))))
          .because("JSON-RPC framing knows nothing of MCP, so every layer can use it");

  /**
   * The engine's internals serve the public facade only. Transports (stdio, HTTP), the confirmation
   * gate and everything outside the engine go through {@code McpServer} and {@code McpSession}.
   */
  @ArchTest
  public static final ArchRule ENGINE_INTERNALS_ONLY_BEHIND_THE_FACADE =
      ArchRuleDefinition.classes()
          .that()
          .resideInAPackage("dev.jamfmcp.mcp.internal..")
          .should()
          .onlyHaveDependentClassesThat()
          .resideInAnyPackage("dev.jamfmcp.mcp", "dev.jamfmcp.mcp.internal..")
          .because("the engine's internals may change freely; only McpServer/McpSession are API");

  /**
   * Any {@code a.b.internal} package is used only inside the package tree {@code a.b..} that owns
   * it; in particular never from another module (tests are not imported, so they are exempt).
   */
  @ArchTest
  public static final ArchRule INTERNALS_STAY_IN_THEIR_PACKAGE_TREE =
      ArchRuleDefinition.classes()
          .that()
          .resideInAPackage("dev.jamfmcp..internal..")
          .should(beUsedOnlyInsideTheirOwningTree())
          .allowEmptyShould(true)
          .because("public API lives in named packages; .internal may change without notice");

  // ---- cycles -----------------------------------------------------------------------------

  @ArchTest
  public static final ArchRule NO_CYCLES_BETWEEN_FEATURES =
      slices()
          .matching("dev.jamfmcp.(*)..")
          .should()
          .beFreeOfCycles()
          .because(
              "features (mcp, jamf, tools, javalin, ...) must build and be understood in order");

  /**
   * Cycles between the subpackages of each feature, such as {@code mcp.tool} and {@code
   * mcp.internal}. A feature's root package is not a slice, on purpose: {@code dev.jamfmcp.mcp} is
   * the public facade ({@code McpServer}, {@code RequestContext}); its SPI subpackages ({@code
   * tool}, {@code resource}, {@code prompt}) take a {@code RequestContext}, and the facade
   * registers their types and delegates to {@code internal.Engine}, which implements the context
   * types. That facade <-> SPI <-> engine cycle is the design, so the rule is stated one level
   * down, where it is true and worth keeping.
   */
  @ArchTest
  public static final ArchRule NO_CYCLES_BETWEEN_SUBPACKAGES =
      slices()
          .matching("dev.jamfmcp.(*).(*)..")
          .should()
          .beFreeOfCycles()
          .because("subpackages layer cleanly (codec < SPI < engine, transports on top)");

  // ---- library hygiene (core and javalin main code; tests and examples are exempt) --------

  @ArchTest
  public static final ArchRule LIBRARY_CODE_DOES_NOT_USE_STANDARD_STREAMS =
      noClasses()
          .that(areInLibraryModules())
          .and()
          .resideOutsideOfPackage("dev.jamfmcp.mcp.stdio..")
          .should(ACCESS_STANDARD_STREAMS)
          .because(
              "stdout carries the stdio transport's JSON-RPC frames; libraries log through slf4j");

  @ArchTest
  public static final ArchRule LIBRARY_CODE_HAS_NO_FIELD_INJECTION =
      noFields()
          .that()
          .areDeclaredInClassesThat(areInLibraryModules())
          .should()
          .beAnnotatedWith("javax.inject.Inject")
          .orShould()
          .beAnnotatedWith("jakarta.inject.Inject")
          .orShould()
          .beAnnotatedWith("com.google.inject.Inject")
          .orShould()
          .beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
          .orShould()
          .beAnnotatedWith("org.springframework.beans.factory.annotation.Value")
          .because(
              "dependencies arrive through constructors and builders, so objects are immutable");

  @ArchTest
  public static final ArchRule LIBRARY_CODE_HAS_NO_STATIC_MUTABLE_STATE =
      fields()
          .that()
          .areDeclaredInClassesThat(areInLibraryModules())
          .and()
          .areStatic()
          .should()
          .beFinal()
          .because("two servers in one JVM (or one test after another) must not share state");

  // ---- helpers ----------------------------------------------------------------------------

  private static final Pattern MODULE =
      Pattern.compile("jamf-mcp-(core|jwt|javalin|servlet|redis|simulator|examples|benchmarks)");

  /** The module a class was loaded from, from its class path entry ("core", "javalin", ...). */
  static Optional<String> moduleOf(JavaClass javaClass) {
    return javaClass
        .getSource()
        .map(Source::getUri)
        .flatMap(
            uri -> {
              Matcher matcher = MODULE.matcher(uri.toString());
              String last = null;
              while (matcher.find()) {
                last = matcher.group(1);
              }
              return Optional.ofNullable(last);
            });
  }

  static DescribedPredicate<JavaClass> areInLibraryModules() {
    return DescribedPredicate.describe(
        "are in a library module (jamf-mcp-core, jamf-mcp-jwt, jamf-mcp-javalin,"
            + " jamf-mcp-servlet, jamf-mcp-redis)",
        javaClass ->
            moduleOf(javaClass)
                .map(
                    m ->
                        m.equals("core")
                            || m.equals("jwt")
                            || m.equals("javalin")
                            || m.equals("servlet")
                            || m.equals("redis"))
                .orElse(false));
  }

  static ArchCondition<JavaClass> beUsedOnlyInsideTheirOwningTree() {
    return new ArchCondition<>(
        "be used only inside the package tree that owns the internal package") {
      @Override
      public void check(JavaClass internal, ConditionEvents events) {
        String pkg = internal.getPackageName() + ".";
        String owner = pkg.substring(0, pkg.indexOf(".internal."));
        for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
          String from = dependency.getOriginClass().getPackageName();
          if (!from.equals(owner) && !from.startsWith(owner + ".")) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** Main code only: no test classes directories and no {@code -tests.jar} of another module. */
  public static final class ProductionCode implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");
    private final ImportOption doNotIncludeTests = new DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
      return doNotIncludeTests.includes(location) && !location.matches(TEST_JAR);
    }
  }
}
