package dev.jamfmcp.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.jamfmcp.mcp.jsonrpc.JacksonFloor.Found;
import org.junit.jupiter.api.Test;

class JacksonFloorTest {

  @Test
  void parsesTheNumericPartsOfAVersion() {
    assertThat(JacksonFloor.parse("2.19.2")).containsExactly(2, 19, 2);
    assertThat(JacksonFloor.parse("2.21")).containsExactly(2, 21);
    assertThat(JacksonFloor.parse("2.20.0-rc1")).containsExactly(2, 20, 0);
    assertThat(JacksonFloor.parse(" 2.20 ")).containsExactly(2, 20);
    assertThat(JacksonFloor.parse("unknown")).isNull();
    assertThat(JacksonFloor.parse("")).isNull();
    assertThat(JacksonFloor.parse(null)).isNull();
  }

  @Test
  void comparesPartByPartWithMissingPartsAsZero() {
    int[] needed = JacksonFloor.parse(JacksonFloor.NEEDED);
    assertThat(JacksonFloor.compare(JacksonFloor.parse("2.19.2"), needed)).isNegative();
    assertThat(JacksonFloor.compare(JacksonFloor.parse("2.9.10"), needed)).isNegative();
    assertThat(JacksonFloor.compare(JacksonFloor.parse("2.20.0"), needed)).isZero();
    assertThat(JacksonFloor.compare(JacksonFloor.parse("2.21"), needed)).isPositive();
    assertThat(JacksonFloor.compare(JacksonFloor.parse("3.0"), needed)).isPositive();
  }

  @Test
  void anOldVersionGetsOneMessageWithTheArtifactBothVersionsAndTheFix() {
    String message = JacksonFloor.problem(new Found(true, "2.19.2", false)).orElseThrow();

    assertThat(message)
        .contains("com.fasterxml.jackson.core:jackson-annotations 2.19.2")
        .contains("2.20 or newer")
        .contains(
            "<dependency><groupId>com.fasterxml.jackson.core</groupId>"
                + "<artifactId>jackson-annotations</artifactId><version>2.21</version>"
                + "</dependency>")
        .contains("implementation(\"com.fasterxml.jackson.core:jackson-annotations:2.21\")");
  }

  @Test
  void theClassDecidesWhateverVersionAManifestClaims() {
    // the executable's shaded jar gives every package its own version, 0.1.0-SNAPSHOT
    assertThat(JacksonFloor.problem(new Found(true, "0.1.0-SNAPSHOT", true))).isEmpty();
    assertThat(JacksonFloor.problem(new Found(true, "2.21", false))).isPresent();
  }

  @Test
  void aMissingNewClassDecidesWhenTheVersionIsUnknown() {
    assertThat(JacksonFloor.problem(new Found(true, null, false)))
        .hasValueSatisfying(m -> assertThat(m).contains("jackson-annotations an unknown version"));
    assertThat(JacksonFloor.problem(new Found(true, null, true))).isEmpty();
  }

  @Test
  void noAnnotationsAtAllIsSaidSo() {
    assertThat(JacksonFloor.problem(new Found(false, null, false)))
        .hasValueSatisfying(
            m ->
                assertThat(m).contains("no com.fasterxml.jackson.core:jackson-annotations at all"));
  }

  @Test
  void newEnoughVersionsPass() {
    assertThat(JacksonFloor.problem(new Found(true, "2.20", true))).isEmpty();
    assertThat(JacksonFloor.problem(new Found(true, "2.21", true))).isEmpty();
    assertThat(JacksonFloor.problem(new Found(true, "2.22.1", true))).isEmpty();
  }

  @Test
  void thisBuildsClassPathIsFoundAndPasses() {
    Found found = Found.onClassPath();

    assertThat(found.present()).isTrue();
    assertThat(found.hasNeededClass()).isTrue();
    assertThat(JacksonFloor.compare(JacksonFloor.parse(found.version()), new int[] {2, 20}))
        .isNotNegative();
    assertThatCode(JacksonFloor::require).doesNotThrowAnyException();
  }
}
