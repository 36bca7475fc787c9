package dev.jamfmcp.jamf.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A hand-written reader for the records of a hot listing (a fleet scan reads 100,000 computers),
 * straight from the page's bytes with {@link JsonBytes}: one pass over the object's members, each
 * member name compared as bytes with the record's component names (no hashing, no {@code String}
 * for names), each known member read straight into its slot, every other member skipped by tight
 * loops without being decoded, then the canonical constructor called once.
 *
 * <p>Gives the same records as Jackson's reader under {@link Json#MAPPER}'s settings: members
 * matched by component name, unknown ones ignored (so the record must say {@code ignoreUnknown =
 * true}), missing ones null (or the primitive's default), the last of a repeated member wins. The
 * common shapes are read here: a string for a {@code String}, {@code true}/{@code false} for a
 * {@code Boolean}, an object for a nested record, an array for a list of records, {@code null} for
 * any of them. Any other value (a number for a string, {@code "true"} for a boolean, a single
 * object for a list, any value of another component type) is first checked and delimited here, then
 * handed to Jackson as that slice of bytes, so that its coercions and error messages apply. A
 * record with Jackson annotations on its components (renames, aliases, custom deserializers) is
 * refused when the reader is built.
 */
final class RecordReader<T> {

  /** Reads a non-null value at the reader's position. */
  private interface Slot {
    Object read(JsonBytes in);
  }

  /**
   * A member header learned from the pages read so far: the exact bytes from the end of one value
   * to the start of the next (separator, whitespace, quoted name, colon), or to the object's end,
   * and what they mean. Listing pages repeat the same members in the same order with the same
   * layout for every record, so the header after a given one is nearly always the one seen after it
   * last time: when the input's next bytes equal it, one comparison replaces the whitespace skips,
   * the name scan and the name lookup. The bytes were accepted once by {@link JsonBytes}, so the
   * same bytes again give the same result (the check and the fallback keep the reader exactly as
   * strict); a wrong guess costs one failed comparison and the ordinary path.
   *
   * <p>{@code next} is a hint shared by the threads reading pages of this type, written without
   * synchronization: a thread may see a stale hint or none, which is only a miss. Memory is
   * bounded: one chain of at most {@link #LEARNED_MEMBERS} headers of at most {@link #MAX_HEADER}
   * bytes per record type.
   */
  private static final class Header {
    final byte[] bytes;

    /** The component, -1 for an unknown member, {@link #CLOSE} for the object's end. */
    final int index;

    Header next;

    Header(byte[] bytes, int index) {
      this.bytes = bytes;
      this.index = index;
    }
  }

  private static final int CLOSE = -2;

  /** Members of an object after which headers are neither learned nor predicted. */
  private static final int LEARNED_MEMBERS = 256;

  /** Longer headers (runs of whitespace) are not learned. */
  private static final int MAX_HEADER = 256;

  /** Before an object's opening brace: its {@code next} is the learned opening. */
  private final Header start = new Header(null, Integer.MIN_VALUE);

  private final Class<T> type;
  private final Constructor<T> constructor;
  private final Object[] defaults;
  private final String[] names;
  private final byte[][] nameBytes;
  private final int[][] byLength;
  private final Map<String, Integer> byName = new HashMap<>();
  private final Slot[] slots;

  /** Jackson's reader for this type, for a result or member that is not an object. */
  private final ObjectReader jackson;

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
    int n = components.length;
    Class<?>[] parameterTypes = new Class<?>[n];
    defaults = new Object[n];
    names = new String[n];
    nameBytes = new byte[n][];
    slots = new Slot[n];
    int longest = 0;
    for (int i = 0; i < n; i++) {
      RecordComponent component = components[i];
      refuseJacksonAnnotations(type, component);
      parameterTypes[i] = component.getType();
      defaults[i] = defaultOf(component.getType());
      names[i] = component.getName();
      nameBytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
      longest = Math.max(longest, nameBytes[i].length);
      byName.put(names[i], i);
      slots[i] = slotFor(component.getGenericType());
    }
    byLength = new int[longest + 1][];
    for (int len = 0; len <= longest; len++) {
      int count = 0;
      for (byte[] name : nameBytes) {
        count += name.length == len ? 1 : 0;
      }
      byLength[len] = new int[count];
      count = 0;
      for (int i = 0; i < n; i++) {
        if (nameBytes[i].length == len) {
          byLength[len][count++] = i;
        }
      }
    }
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
    }
    jackson = Json.MAPPER.readerFor(type);
  }

  /** A reader for the record {@code type}. */
  static <T> RecordReader<T> of(Class<T> type) {
    return new RecordReader<>(type);
  }

  /** The chain of headers learned so far, from the opening brace on (for tests). */
  List<String> learnedHeaders() {
    List<String> out = new ArrayList<>();
    for (Header h = start.next; h != null && out.size() <= LEARNED_MEMBERS; h = h.next) {
      out.add(new String(h.bytes, StandardCharsets.UTF_8));
      if (h.index == CLOSE) {
        break;
      }
    }
    return out;
  }

  Class<?> handledType() {
    return type;
  }

  /**
   * Reads the value at the reader's position as one record: an object here, any other value by
   * Jackson (whose answer to {@code null} is null).
   *
   * @throws JsonBytes.Malformed if the value is not well-formed JSON
   * @throws DatabindException if it has the wrong shape for the record
   */
  T read(JsonBytes in) {
    return in.peek() == '{' ? readObject(in) : byJackson(in, jackson);
  }

  private T readObject(JsonBytes in) {
    Object[] args = in.arguments(defaults);
    Header at = start;
    Header predicted = at.next;
    if (predicted != null && in.skipObjectIf(predicted.bytes, predicted.index == CLOSE)) {
      at = predicted;
    } else {
      int mark = in.pos;
      at = learn(at, in, mark, in.beginObject() ? memberIndex(in) : CLOSE, 0);
    }
    int members = 0;
    while (at.index != CLOSE) {
      readMember(in, args, at.index);
      if (++members == LEARNED_MEMBERS) {
        while (in.nextMember()) { // an object this long is read without learning
          readMember(in, args, memberIndex(in));
        }
        break;
      }
      predicted = at.next;
      if (predicted != null && in.skipIf(predicted.bytes)) {
        at = predicted;
        if (at.index == CLOSE) {
          in.objectClosed();
        }
      } else {
        int mark = in.pos;
        at = learn(at, in, mark, in.nextMember() ? memberIndex(in) : CLOSE, members);
      }
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw MismatchedInputException.from(
          null, type, type.getSimpleName() + " refused its values: " + e.getCause().getMessage());
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  /** The component index of the member name just read (-1 for an unknown member). */
  private int memberIndex(JsonBytes in) {
    return in.nameIndex(nameBytes, byLength, byName);
  }

  /** Reads the value of the member with component index {@code i} into {@code args}. */
  private void readMember(JsonBytes in, Object[] args, int i) {
    if (i < 0) {
      in.skipValue();
    } else if (in.peek() == 'n') {
      in.skipValue(); // checks that it is null
      args[i] = defaults[i];
    } else {
      try {
        args[i] = slots[i].read(in);
      } catch (DatabindException e) {
        throw e.prependPath(type, names[i]); // so the message names the member, as Jackson's
      }
    }
  }

  /**
   * The header just read the slow way (from {@code mark}: up to the value, whitespace included, or
   * the closing brace), remembered as what follows {@code previous} next time.
   */
  private static Header learn(Header previous, JsonBytes in, int mark, int index, int members) {
    if (index != CLOSE) {
      in.peek(); // the whitespace before the value belongs to the header
    }
    if (in.pos - mark > MAX_HEADER) {
      return new Header(null, index); // not kept: a header this long is no pattern
    }
    Header h = new Header(in.bytesFrom(mark), index);
    if (members < LEARNED_MEMBERS) {
      previous.next = h;
    }
    return h;
  }

  /** Checks and delimits the value at the reader's position, then has Jackson read that slice. */
  private static <V> V byJackson(JsonBytes in, ObjectReader reader) {
    in.peek();
    int start = in.pos;
    in.skipValue();
    return reader.readValue(in.buf, start, in.pos - start);
  }

  private static Slot slotFor(Type type) {
    if (type == String.class) {
      ObjectReader jackson = Json.MAPPER.readerFor(String.class);
      return in -> in.peek() == '"' ? in.readString() : byJackson(in, jackson);
    }
    if (type == Boolean.class) {
      ObjectReader jackson = Json.MAPPER.readerFor(Boolean.class);
      return in -> {
        int c = in.peek();
        return c == 't' || c == 'f' ? (Object) in.readBoolean() : byJackson(in, jackson);
      };
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      return new RecordReader<>(c)::read;
    }
    ObjectReader jackson = Json.MAPPER.readerFor(Json.MAPPER.constructType(type));
    if (type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && list.getActualTypeArguments()[0] instanceof Class<?> element
        && element.isRecord()) {
      RecordReader<?> nested = new RecordReader<>(element);
      return in -> in.peek() == '[' ? list(in, nested) : byJackson(in, jackson);
    }
    return in -> byJackson(in, jackson);
  }

  private static List<Object> list(JsonBytes in, RecordReader<?> element) {
    List<Object> out = new ArrayList<>();
    if (in.beginArray()) {
      do {
        if (in.peek() == 'n') {
          in.skipValue();
          out.add(null);
        } else {
          try {
            out.add(element.read(in));
          } catch (DatabindException e) {
            throw e.prependPath(out, out.size());
          }
        }
      } while (in.nextElement());
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
