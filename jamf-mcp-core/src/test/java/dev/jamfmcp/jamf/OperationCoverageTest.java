package dev.jamfmcp.jamf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every typed operation of the client's public API has a test against the simulator. The operations
 * are read from the API by reflection: {@link JamfClient}'s accessors lead to the operation groups
 * ({@code computers()}, {@code mdm()}, ...), whose public methods are the operations; {@link
 * Listing}'s methods and {@code jamfProVersion()} count too. A new operation without a {@link
 * Covers} test, or a {@code Covers} naming an operation that is gone, fails here.
 */
class OperationCoverageTest {
  /** The classes whose methods carry {@link Covers}. */
  static final List<Class<?>> TESTS =
      List.of(
          TypedOperationsOnSimulatorTest.class,
          AuthOnSimulatorTest.class,
          FaultsOnSimulatorTest.class,
          InventoryOperationsOnSimulatorTest.class,
          EndpointLifecycleOnSimulatorTest.class,
          SecretOperationsOnSimulatorTest.class,
          SmartGroupOperationsOnSimulatorTest.class,
          SoftwareUpdateOperationsOnSimulatorTest.class);

  /** JamfClient's public methods that are not Jamf operations. */
  static final Set<String> NOT_OPERATIONS =
      Set.of(
          "builder",
          "newBuilder",
          "baseUrl",
          "close",
          "toString",
          "equals",
          "hashCode",
          "getClass",
          "notify",
          "notifyAll",
          "wait");

  static Set<String> operations() {
    Set<String> operations = new TreeSet<>();
    for (Method accessor : JamfClient.class.getMethods()) {
      if (Modifier.isStatic(accessor.getModifiers())
          || NOT_OPERATIONS.contains(accessor.getName())) {
        continue;
      }
      Class<?> type = accessor.getReturnType();
      boolean group =
          type.getPackageName().startsWith("dev.jamfmcp.jamf.")
              && accessor.getParameterCount() == 0;
      if (group) {
        for (Method operation : type.getDeclaredMethods()) {
          if (Modifier.isPublic(operation.getModifiers())
              && !Modifier.isStatic(operation.getModifiers())
              && !operation.isSynthetic()) {
            operations.add(key(type, operation));
          }
        }
      } else {
        operations.add(key(JamfClient.class, accessor));
      }
    }
    for (Method method : Listing.class.getDeclaredMethods()) {
      if (!method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
        operations.add(key(Listing.class, method));
      }
    }
    return operations;
  }

  static Set<String> covered() {
    Set<String> covered = new TreeSet<>();
    for (Class<?> test : TESTS) {
      for (Method method : test.getDeclaredMethods()) {
        Covers covers = method.getAnnotation(Covers.class);
        if (covers != null) {
          covered.addAll(Arrays.asList(covers.value()));
        }
      }
    }
    return covered;
  }

  private static String key(Class<?> owner, Method method) {
    return owner.getSimpleName()
        + "."
        + method.getName()
        + "("
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(","))
        + ")";
  }

  @Test
  void everyTypedOperationHasASimulatorTest() {
    Set<String> operations = operations();
    assertThat(operations)
        .as("the reflection found the operation groups")
        .contains(
            "Computers.list(ListQuery)",
            "Mdm.send(MdmCommandRequest)",
            "JamfClient.jamfProVersion()")
        .hasSizeGreaterThan(30);
    Set<String> missing = new TreeSet<>(operations);
    missing.removeAll(covered());
    assertThat(missing).as("operations without a test against the simulator").isEmpty();
  }

  @Test
  void everyCoversNamesARealOperation() {
    Set<String> stale = new TreeSet<>(covered());
    stale.removeAll(operations());
    assertThat(stale).as("@Covers naming operations the client does not have").isEmpty();
  }
}
