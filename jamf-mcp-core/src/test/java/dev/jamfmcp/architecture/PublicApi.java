package dev.jamfmcp.architecture;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The exported API of one of our named modules, read from its compiled {@code module-info} and
 * classes: a deterministic listing (one line a public or protected type or member, sorted) and the
 * public members that mention a type of ours that a module user cannot see.
 *
 * <p>Used by {@code PublicApiTest} in core and in jamf-mcp-javalin, which compare the listing with
 * the committed {@code api/<artifact>.api} file.
 */
public final class PublicApi {
  /** Set to rewrite the committed listing instead of comparing with it. */
  public static final String UPDATE_PROPERTY = "api.update";

  private final ModuleDescriptor descriptor;
  private final List<Class<?>> types;

  private PublicApi(ModuleDescriptor descriptor, List<Class<?>> types) {
    this.descriptor = descriptor;
    this.types = types;
  }

  /** The API of the module whose classes (directory or jar) hold {@code anyClass}. */
  public static PublicApi of(Class<?> anyClass) {
    Path location = locationOf(anyClass);
    ModuleDescriptor descriptor = descriptorAt(location);
    Set<String> exported = exportedPackages(descriptor);
    List<Class<?>> types = new ArrayList<>();
    try (Stream<String> names = classNames(location)) {
      names
          .filter(name -> exported.contains(packageOf(name)))
          .map(name -> load(name, anyClass.getClassLoader()))
          .filter(PublicApi::isApi)
          .forEach(types::add);
    }
    types.sort(Comparator.comparing(Class::getName));
    return new PublicApi(descriptor, List.copyOf(types));
  }

  /** The API made of exactly these types (for testing the checks themselves). */
  static PublicApi ofTypes(ModuleDescriptor descriptor, List<Class<?>> types) {
    return new PublicApi(descriptor, List.copyOf(types));
  }

  /** The directory or jar a class was loaded from. */
  public static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The compiled module descriptor in a directory or jar. */
  public static ModuleDescriptor descriptorAt(Path location) {
    Set<ModuleReference> found = ModuleFinder.of(location).findAll();
    if (found.size() != 1 || found.iterator().next().descriptor().isAutomatic()) {
      throw new IllegalStateException("no module-info.class in " + location);
    }
    return found.iterator().next().descriptor();
  }

  /** The packages exported to everyone (qualified exports are not API). */
  public static Set<String> exportedPackages(ModuleDescriptor descriptor) {
    return descriptor.exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  public ModuleDescriptor descriptor() {
    return descriptor;
  }

  public List<Class<?>> types() {
    return types;
  }

  /**
   * The listing: per type, a line with its modifiers, kind, name and supertypes, then its public
   * and protected constructors, methods and fields (declared, not inherited), indented and sorted.
   */
  public List<String> listing() {
    List<String> lines = new ArrayList<>();
    lines.add("module " + descriptor.name());
    exportedPackages(descriptor).forEach(p -> lines.add("exports " + p));
    for (Class<?> type : types) {
      lines.add("");
      lines.add(typeLine(type));
      TreeSet<String> members = new TreeSet<>();
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (isApi(c)) {
          members.add("  " + executableLine(c, type.getSimpleName()));
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (isApi(m) && !m.isBridge()) {
          members.add("  " + executableLine(m, m.getName()));
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (isApi(f)) {
          members.add(
              "  "
                  + modifiers(f.getModifiers() & Modifier.fieldModifiers())
                  + name(f.getGenericType())
                  + " "
                  + f.getName());
        }
      }
      lines.addAll(members);
    }
    return lines;
  }

  /**
   * Public or protected constructors, methods, fields and supertypes of the API types that mention
   * a type of ours (a {@code dev.jamfmcp} type) that is not itself API: one outside {@code
   * apiPackages}, or not public. A module user could not name that type.
   */
  public List<String> leaks(Set<String> apiPackages) {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : types) {
      List<Type> supertypes = new ArrayList<>(Arrays.asList(type.getGenericInterfaces()));
      if (type.getGenericSuperclass() != null) {
        supertypes.add(type.getGenericSuperclass());
      }
      for (Type supertype : supertypes) {
        hidden(supertype, apiPackages)
            .forEach(h -> leaks.add(type.getName() + " extends/implements " + h));
      }
      List<Member> members = new ArrayList<>();
      members.addAll(Arrays.asList(type.getDeclaredConstructors()));
      members.addAll(Arrays.asList(type.getDeclaredMethods()));
      members.addAll(Arrays.asList(type.getDeclaredFields()));
      for (Member member : members) {
        if (!isApi(member) || (member instanceof Method m && m.isBridge())) {
          continue;
        }
        List<Type> mentioned = new ArrayList<>();
        if (member instanceof Executable e) {
          mentioned.addAll(Arrays.asList(e.getGenericParameterTypes()));
          mentioned.addAll(Arrays.asList(e.getGenericExceptionTypes()));
        }
        if (member instanceof Method m) {
          mentioned.add(m.getGenericReturnType());
        }
        if (member instanceof Field f) {
          mentioned.add(f.getGenericType());
        }
        Set<String> hidden = new TreeSet<>();
        mentioned.forEach(t -> hidden.addAll(hidden(t, apiPackages)));
        for (String h : hidden) {
          leaks.add(type.getName() + "." + describe(member) + " uses " + h);
        }
      }
    }
    return leaks;
  }

  /**
   * Writes the listing to {@code target/api/<file name>} and compares it with {@code committed};
   * with {@code -Dapi.update=true} rewrites {@code committed} instead. Fails naming the first lines
   * that differ and the command that regenerates the file.
   */
  public static void compare(List<String> listing, Path committed, String regenerate)
      throws IOException {
    String text = String.join("\n", listing) + "\n";
    Path built = Path.of("target", "api").resolve(committed.getFileName());
    Files.createDirectories(built.getParent());
    Files.writeString(built, text, StandardCharsets.UTF_8);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(committed.toAbsolutePath().getParent());
      Files.writeString(committed, text, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(committed)) {
      fail("%s does not exist; create it with%n  %s", committed, regenerate);
    }
    List<String> expected = Files.readAllLines(committed, StandardCharsets.UTF_8);
    if (!expected.equals(listing)) {
      int line = 0;
      while (line < expected.size()
          && line < listing.size()
          && expected.get(line).equals(listing.get(line))) {
        line++;
      }
      fail(
          "The public API differs from %s (the build's listing: %s).%n"
              + "First difference at line %d:%n  committed: %s%n  built:     %s%n"
              + "If the change is meant, regenerate the file and commit it with the change:%n"
              + "  %s",
          committed,
          built,
          line + 1,
          line < expected.size() ? expected.get(line) : "(end of file)",
          line < listing.size() ? listing.get(line) : "(end of listing)",
          regenerate);
    }
  }

  // ---- what counts as API -------------------------------------------------------------------

  /** A public type, or a public or protected nested type whose enclosing types are API. */
  private static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    int modifiers = type.getModifiers();
    Class<?> enclosing = type.getDeclaringClass();
    if (enclosing == null) {
      return Modifier.isPublic(modifiers);
    }
    return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && isApi(enclosing);
  }

  private static boolean isApi(Member member) {
    int modifiers = member.getModifiers();
    return !member.isSynthetic()
        && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
  }

  /** Our types mentioned in {@code type} that a module user cannot name. */
  private static Set<String> hidden(Type type, Set<String> apiPackages) {
    Set<String> hidden = new TreeSet<>();
    collectHidden(type, apiPackages, hidden, new HashSet<>());
    return hidden;
  }

  private static void collectHidden(
      Type type, Set<String> apiPackages, Set<String> hidden, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.getName().startsWith("dev.jamfmcp.")
          && (!apiPackages.contains(c.getPackageName()) || !isApi(c))) {
        hidden.add(c.getName());
      }
    } else if (type instanceof ParameterizedType p) {
      collectHidden(p.getRawType(), apiPackages, hidden, seen);
      for (Type argument : p.getActualTypeArguments()) {
        collectHidden(argument, apiPackages, hidden, seen);
      }
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        collectHidden(bound, apiPackages, hidden, seen);
      }
      for (Type bound : w.getLowerBounds()) {
        collectHidden(bound, apiPackages, hidden, seen);
      }
    } else if (type instanceof GenericArrayType a) {
      collectHidden(a.getGenericComponentType(), apiPackages, hidden, seen);
    } else if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) {
        collectHidden(bound, apiPackages, hidden, seen);
      }
    }
  }

  // ---- rendering ----------------------------------------------------------------------------

  private static String typeLine(Class<?> type) {
    int modifiers = type.getModifiers();
    String kind;
    if (type.isAnnotation()) {
      kind = "@interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
    } else if (type.isInterface()) {
      kind = "interface";
      modifiers &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
    } else if (type.isEnum()) {
      kind = "enum";
      modifiers &= ~(Modifier.FINAL | Modifier.ABSTRACT);
    } else if (type.isRecord()) {
      kind = "record";
      modifiers &= ~Modifier.FINAL;
    } else {
      kind = "class";
    }
    StringBuilder line = new StringBuilder(modifiers(modifiers & Modifier.classModifiers()));
    if (type.isSealed()) {
      line.append("sealed ");
    }
    line.append(kind).append(' ').append(type.getName()).append(typeParameters(type));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      line.append(" extends ").append(name(superclass));
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      line.append(type.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(interfaces).map(PublicApi::name).collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String executableLine(Executable e, String name) {
    int modifiers =
        e.getModifiers()
            & (e instanceof Method ? Modifier.methodModifiers() : Modifier.constructorModifiers());
    StringBuilder line = new StringBuilder(modifiers(modifiers));
    if (e instanceof Method m && m.isDefault()) {
      line.append("default ");
    }
    String typeParameters = typeParameters(e);
    if (!typeParameters.isEmpty()) {
      line.append(typeParameters.substring(1)).append(' ');
    }
    if (e instanceof Method m) {
      line.append(name(m.getGenericReturnType())).append(' ');
    }
    line.append(name).append('(');
    Type[] parameters = e.getGenericParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      if (i > 0) {
        line.append(", ");
      }
      String parameter = name(parameters[i]);
      if (e.isVarArgs() && i == parameters.length - 1 && parameter.endsWith("[]")) {
        parameter = parameter.substring(0, parameter.length() - 2) + "...";
      }
      line.append(parameter);
    }
    line.append(')');
    Type[] exceptions = e.getGenericExceptionTypes();
    if (exceptions.length > 0) {
      line.append(" throws ")
          .append(Arrays.stream(exceptions).map(PublicApi::name).collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  /** {@code " <T extends Foo, U>"}, or empty. */
  private static String typeParameters(java.lang.reflect.GenericDeclaration declaration) {
    TypeVariable<?>[] variables = declaration.getTypeParameters();
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables)
        .map(
            v -> {
              List<Type> bounds =
                  Arrays.stream(v.getBounds()).filter(b -> b != Object.class).toList();
              return bounds.isEmpty()
                  ? v.getName()
                  : v.getName()
                      + " extends "
                      + bounds.stream().map(PublicApi::name).collect(Collectors.joining(" & "));
            })
        .collect(Collectors.joining(", ", " <", ">"));
  }

  private static String name(Type type) {
    return type.getTypeName();
  }

  private static String modifiers(int modifiers) {
    String text = Modifier.toString(modifiers);
    return text.isEmpty() ? "" : text + " ";
  }

  private static String describe(Member member) {
    if (member instanceof Constructor<?> c) {
      return "<init>" + parameterList(c);
    }
    if (member instanceof Method m) {
      return m.getName() + parameterList(m);
    }
    return member.getName();
  }

  private static String parameterList(Executable e) {
    return Arrays.stream(e.getParameterTypes())
        .map(Class::getSimpleName)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  // ---- reading the classes ------------------------------------------------------------------

  private static Stream<String> classNames(Path location) {
    if (!Files.isDirectory(location)) {
      throw new IllegalStateException("expected the module's classes directory: " + location);
    }
    try {
      return Files.walk(location)
          .map(location::relativize)
          .map(Path::toString)
          .filter(p -> p.endsWith(".class") && !p.endsWith("module-info.class"))
          .filter(p -> !p.endsWith("package-info.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('\\', '/'))
          .map(p -> p.replace('/', '.'))
          .sorted();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
