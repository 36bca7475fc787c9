package dev.jamfmcp.jamf.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How {@code JamfClient} builds the typed operations of the exported concept packages ({@code
 * Computers}, {@code Policies}, ...) although their constructors are private: each such class
 * registers its constructor here when it is initialized. The constructors take the {@link
 * Transport}, an internal type, so none of them may be public API (the JDK solves the same problem
 * the same way with its shared secrets).
 */
public final class Operations {
  private static final Map<Class<?>, Function<Transport, ?>> FACTORIES = new ConcurrentHashMap<>();

  private Operations() {}

  /** Called once, from the static initializer of {@code type}. */
  public static <T> void register(Class<T> type, Function<Transport, T> constructor) {
    FACTORIES.putIfAbsent(type, constructor);
  }

  /** A new {@code type} over {@code transport}. */
  public static <T> T create(Class<T> type, Transport transport) {
    Function<Transport, ?> constructor = FACTORIES.get(type);
    if (constructor == null) {
      initialize(type);
      constructor = FACTORIES.get(type);
      if (constructor == null) {
        throw new IllegalStateException(type.getName() + " registers no constructor");
      }
    }
    return type.cast(constructor.apply(transport));
  }

  /** Runs the static initializer of {@code type}, which registers its constructor. */
  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
