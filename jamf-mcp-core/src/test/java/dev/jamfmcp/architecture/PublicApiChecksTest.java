package dev.jamfmcp.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks of {@link PublicApi} on types made for them, so they are seen to fail. */
class PublicApiChecksTest {
  private static final ModuleDescriptor MODULE =
      ModuleDescriptor.newModule("example").exports("dev.jamfmcp.architecture").build();

  /** Not API: package-private. */
  static final class Hidden {}

  public static final class Exposed {
    public Exposed(Hidden hidden) {}

    public Optional<Hidden> find() {
      return Optional.empty();
    }

    public int fine(String text) {
      return text.length();
    }

    Hidden packagePrivateIsNotApi() {
      return new Hidden();
    }
  }

  @Test
  void findsPublicMembersThatNameATypeAModuleUserCannotSee() {
    PublicApi api = PublicApi.ofTypes(MODULE, List.of(Exposed.class));
    assertThat(api.leaks(Set.of("dev.jamfmcp.architecture")))
        .containsExactlyInAnyOrder(
            Exposed.class.getName() + ".<init>(Hidden) uses " + Hidden.class.getName(),
            Exposed.class.getName() + ".find() uses " + Hidden.class.getName());
    assertThat(api.leaks(Set.of("dev.jamfmcp.elsewhere"))).hasSize(2);
  }

  @Test
  void listsPublicMembersSortedUnderTheirType() {
    PublicApi api = PublicApi.ofTypes(MODULE, List.of(Exposed.class));
    assertThat(api.listing())
        .containsExactly(
            "module example",
            "exports dev.jamfmcp.architecture",
            "",
            "public static final class " + Exposed.class.getName(),
            "  public Exposed(" + Hidden.class.getName() + ")",
            "  public int fine(java.lang.String)",
            "  public java.util.Optional<" + Hidden.class.getName() + "> find()");
  }
}
