package dev.jamfmcp.jamf.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * A hand-written streaming reader for the records of a hot listing (a fleet scan reads 100,000
 * computers): one pass over the object's members, each known member read straight into its slot,
 * every other member skipped token by token, its text never decoded, then the canonical constructor
 * called once. Jackson's own deserializer for a record buffers every unknown member (names and
 * decoded values) before it can call the constructor: on a page of 2,000 computers with GENERAL
 * that is 1.25 MB of extra allocation and about 15 % more CPU (docs/BENCHMARKS.md).
 *
 * <p>Gives the same records as Jackson's reader under {@link Json#MAPPER}'s settings: members
 * matched by component name, unknown ones ignored (so the record must say {@code ignoreUnknown =
 * true}), missing ones null (or the primitive's default); {@code String} and {@code Boolean} read
 * directly when the token is a string, boolean or null, anything else (numbers for strings, {@code
 * "true"} for booleans, a single object for a list...) handed to Jackson so its coercions and error
 * messages apply. Nested records and lists of records get their own reader; other component types
 * are read by Jackson. A record with Jackson annotations on its components (renames, aliases,
 * custom deserializers) is refused when the reader is built.
 */
final class RecordReader<T> extends ValueDeserializer<T> {

  /** Reads the value at the parser's current token. */
  private interface Slot {
    Object read(JsonParser p, DeserializationContext ctxt);
  }

  private record Member(int index, Slot slot) {}

  private final Class<T> type;
  private final Constructor<T> constructor;
  private final Map<String, Member> members = new HashMap<>();
  private final Object[] defaults;

  private RecordReader(Class<T> type) {
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    JsonIgnoreProperties ignore = type.getAnnotation(JsonIgnoreProperties.class);
    if (ignore == null || !ignore.ignoreUnknown()) {
      throw new IllegalArgumentException(
          type.getName() + " must be annotated @JsonIgnoreProperties(ignoreUnknown = true)");
    }
    Class<?>[] parameterTypes = new Class<?>[components.length];
    defaults = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      refuseJacksonAnnotations(type, component);
      parameterTypes[i] = component.getType();
      defaults[i] = defaultOf(component.getType());
      members.put(component.getName(), new Member(i, slotFor(component.getGenericType())));
    }
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
    }
  }

  /** A reader for the record {@code type}. */
  static <T> RecordReader<T> of(Class<T> type) {
    return new RecordReader<>(type);
  }

  @Override
  public Class<?> handledType() {
    return type;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) {
    String name;
    if (p.currentToken() == JsonToken.START_OBJECT) {
      name = p.nextName();
    } else if (p.currentToken() == JsonToken.PROPERTY_NAME) {
      name = p.currentName();
    } else {
      @SuppressWarnings("unchecked") // handleUnexpectedToken throws or returns a value of type
      T value = (T) ctxt.handleUnexpectedToken(type, p);
      return value;
    }
    Object[] args = defaults.clone();
    for (; name != null; name = p.nextName()) {
      JsonToken token = p.nextToken();
      Member member = members.get(name);
      if (member == null) {
        p.skipChildren();
      } else if (token != JsonToken.VALUE_NULL) {
        try {
          args[member.index()] = member.slot().read(p, ctxt);
        } catch (DatabindException e) {
          throw e.prependPath(type, name); // so the message names the member, as Jackson's does
        }
      } else {
        args[member.index()] = defaults[member.index()];
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      return ctxt.reportInputMismatch(this, "unexpected %s in %s", p.currentToken(), name(type));
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      return ctxt.reportInputMismatch(
          this, "%s refused its values: %s", name(type), e.getCause().getMessage());
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  private static String name(Class<?> type) {
    return type.getSimpleName();
  }

  private static Slot slotFor(Type type) {
    if (type == String.class) {
      return RecordReader::string;
    }
    if (type == Boolean.class) {
      return RecordReader::bool;
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      RecordReader<?> nested = new RecordReader<>(c);
      return nested::deserialize;
    }
    if (type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && list.getActualTypeArguments()[0] instanceof Class<?> element
        && element.isRecord()) {
      RecordReader<?> nested = new RecordReader<>(element);
      JavaType listType = Json.MAPPER.getTypeFactory().constructType(type);
      return (p, ctxt) -> list(p, ctxt, nested, listType);
    }
    JavaType other = Json.MAPPER.getTypeFactory().constructType(type);
    return (p, ctxt) -> ctxt.readValue(p, other);
  }

  private static Object string(JsonParser p, DeserializationContext ctxt) {
    return p.currentToken() == JsonToken.VALUE_STRING
        ? p.getString()
        : ctxt.readValue(p, String.class);
  }

  private static Object bool(JsonParser p, DeserializationContext ctxt) {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    return ctxt.readValue(p, Boolean.class);
  }

  private static Object list(
      JsonParser p, DeserializationContext ctxt, RecordReader<?> element, JavaType listType) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      return ctxt.readValue(p, listType); // a single value as a list of one, or Jackson's error
    }
    List<Object> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      out.add(t == JsonToken.VALUE_NULL ? null : element.deserialize(p, ctxt));
    }
    return out;
  }

  private static Object defaultOf(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == float.class) {
      return 0.0f;
    }
    if (type == int.class) {
      return 0;
    }
    return type == short.class ? (Object) (short) 0 : (Object) (byte) 0;
  }

  private static void refuseJacksonAnnotations(Class<?> type, RecordComponent component) {
    List<Annotation> annotations = new ArrayList<>(List.of(component.getAnnotations()));
    annotations.addAll(List.of(component.getAccessor().getAnnotations()));
    try {
      annotations.addAll(List.of(type.getDeclaredField(component.getName()).getAnnotations()));
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(type.getName() + "." + component.getName(), e);
    }
    for (Annotation a : annotations) {
      String pkg = a.annotationType().getPackageName();
      if (pkg.startsWith("com.fasterxml.jackson") || pkg.startsWith("tools.jackson")) {
        throw new IllegalArgumentException(
            type.getName()
                + "."
                + component.getName()
                + " has a Jackson annotation the record reader does not honour: "
                + a.annotationType().getSimpleName());
      }
    }
  }
}
