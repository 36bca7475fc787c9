package dev.jamfmcp.jamf.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.core.StreamReadConstraints;

/**
 * A strict pull reader over UTF-8 JSON held in a byte array, for the hot listing pages (a fleet
 * scan reads 250 MB of them). It never builds a token for what the caller does not ask for: member
 * names stay bytes (the caller compares them with {@link #nameIs}), values nobody reads are skipped
 * by tight loops over the array (validated, not decoded), and only the strings the caller keeps
 * become {@code String}s.
 *
 * <p>Strict RFC 8259 JSON in UTF-8: whitespace is space, tab, CR and LF; numbers follow the grammar
 * (no leading zeros, no {@code +}, no {@code NaN}); strings have no raw control characters, only
 * the standard escapes, and well-formed UTF-8 (RFC 3629: no overlong forms, no encoded surrogates,
 * nothing past U+10FFFF); one optional UTF-8 byte-order mark. That is what Jackson's parser
 * accepts, except that Jackson lets some ill-formed UTF-8 through and detects UTF-16/32 input: this
 * reader refuses both. Jackson's read constraints (nesting depth, number, name and string length)
 * are the mapper's. Anything else is a {@link Malformed} with the byte offset; the input is never
 * changed.
 */
final class JsonBytes {

  /** The input is not JSON (or breaks a read constraint). Carries no input text, only offsets. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private static final StreamReadConstraints LIMITS =
      Json.MAPPER.tokenStreamFactory().streamReadConstraints();
  private static final int MAX_DEPTH = LIMITS.getMaxNestingDepth();
  private static final int MAX_NUMBER = LIMITS.getMaxNumberLength();
  private static final int MAX_NAME = LIMITS.getMaxNameLength();
  private static final int MAX_STRING = LIMITS.getMaxStringLength();

  /** Bytes that end the fast loop inside a string: quote, backslash, controls, non-ASCII. */
  private static final boolean[] SPECIAL_IN_STRING = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      SPECIAL_IN_STRING[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private static final int TRUE = word("true");
  private static final int FALSE = word("fals"); // and an 'e'
  private static final int NULL = word("null");

  private static int word(String four) {
    byte[] b = four.getBytes(StandardCharsets.US_ASCII);
    return (int) INTS.get(b, 0);
  }

  final byte[] buf;
  private final int end;

  /** The next byte to read. */
  int pos;

  private int depth;

  /** Reused argument arrays by nesting depth ({@link #arguments}). */
  private final Object[][] arguments = new Object[8][];

  /** The last string scanned: its bytes between the quotes, and what they hold. */
  private int strStart;

  private int strEnd;
  private boolean strEscaped;
  private boolean strAscii;

  /** Whether the last number skipped was an integer (no fraction, no exponent). */
  private boolean integral;

  JsonBytes(byte[] buf, int length) {
    this.buf = buf;
    this.end = length;
    if (length >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
      pos = 3; // a UTF-8 byte-order mark, as Jackson allows
    }
  }

  /**
   * Skips whitespace and returns the next byte (0-255) without consuming it, or -1 at the end.
   * Anything that is neither whitespace nor a token start is returned for the caller to refuse.
   */
  int peek() {
    byte[] b = buf;
    int p = pos;
    int e = end;
    while (p < e) {
      byte c = b[p];
      if (c > ' ') {
        pos = p;
        return c;
      }
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        pos = p;
        return c & 0xFF;
      }
      p++;
    }
    pos = p;
    return -1;
  }

  /** At '{': consumes it and, if the object has a member, its name and colon. */
  boolean beginObject() {
    expect('{', "'{'");
    enter();
    int c = peek();
    if (c == '}') {
      pos++;
      depth--;
      return false;
    }
    member(c);
    return true;
  }

  /** After a member's value: reads the next member's name and colon, or the closing brace. */
  boolean nextMember() {
    int c = peek();
    if (c == ',') {
      pos++;
      member(peek());
      return true;
    }
    if (c == '}') {
      pos++;
      depth--;
      return false;
    }
    throw unexpected(c, "',' or '}' after a member");
  }

  private void member(int c) {
    if (c != '"') {
      throw unexpected(c, "a member name");
    }
    pos++;
    scanString();
    if (strEnd - strStart > MAX_NAME) {
      throw malformed("a member name longer than " + MAX_NAME + " bytes", strStart);
    }
    if (strEscaped) {
      checkSurrogatePairs(string());
    }
    expect(':', "':' after a member name");
  }

  /**
   * Jackson refuses a member name whose {@code \\u} escapes leave a surrogate unpaired (in values
   * it keeps them); so does this reader, so that both refuse the same pages.
   */
  private void checkSurrogatePairs(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw malformed("a member name with an unpaired surrogate", strStart);
      }
    }
  }

  /** At '[': consumes it; true if an element follows (the reader is then at it). */
  boolean beginArray() {
    expect('[', "'['");
    enter();
    if (peek() == ']') {
      pos++;
      depth--;
      return false;
    }
    return true;
  }

  /** After an element: true if another follows, false after the closing bracket. */
  boolean nextElement() {
    int c = peek();
    if (c == ',') {
      pos++;
      return true;
    }
    if (c == ']') {
      pos++;
      depth--;
      return false;
    }
    throw unexpected(c, "',' or ']' after an element");
  }

  /** Whether the member name just read is {@code ascii} (given as bytes and as text). */
  boolean nameIs(byte[] ascii, String text) {
    if (strEscaped) {
      return text.equals(string());
    }
    return strEnd - strStart == ascii.length
        && Arrays.equals(buf, strStart, strEnd, ascii, 0, ascii.length);
  }

  /**
   * The member name just read, as an index into {@code names} (grouped by length in {@code
   * byLength}), or -1; an escaped name is decoded and looked up in {@code escaped}.
   */
  int nameIndex(byte[][] names, int[][] byLength, java.util.Map<String, Integer> escaped) {
    if (strEscaped) {
      Integer i = escaped.get(string());
      return i == null ? -1 : i;
    }
    int len = strEnd - strStart;
    if (len >= byLength.length) {
      return -1;
    }
    for (int i : byLength[len]) {
      if (Arrays.equals(buf, strStart, strEnd, names[i], 0, len)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * If the bytes at the reader's position are {@code bytes}, consumes them and returns true;
   * otherwise changes nothing. For {@link RecordReader}'s learned member headers: bytes that this
   * reader has already read once, from the end of a value up to the next value (or the closing
   * brace), so that reading them again gives the same result.
   */
  boolean skipIf(byte[] bytes) {
    int p = pos;
    int n = bytes.length;
    if (end - p < n) {
      return false;
    }
    // Eight bytes at a time: headers are 10-50 bytes, too short to pay for Arrays.equals's call.
    byte[] b = buf;
    int k = 0;
    for (; k + 8 <= n; k += 8) {
      if ((long) LONGS.get(b, p + k) != (long) LONGS.get(bytes, k)) {
        return false;
      }
    }
    if (k < n) {
      if (n >= 8) { // the last eight bytes, overlapping the ones already compared
        if ((long) LONGS.get(b, p + n - 8) != (long) LONGS.get(bytes, n - 8)) {
          return false;
        }
      } else {
        for (; k < n; k++) {
          if (b[p + k] != bytes[k]) {
            return false;
          }
        }
      }
    }
    pos = p + n;
    return true;
  }

  /**
   * {@link #skipIf} for learned bytes that open an object (and, if {@code closes}, also close it):
   * counts the nesting as {@link #beginObject} does. False, changing nothing, where the object
   * would be nested too deep, so that {@link #beginObject} refuses it.
   */
  boolean skipObjectIf(byte[] bytes, boolean closes) {
    if (depth >= MAX_DEPTH || !skipIf(bytes)) {
      return false;
    }
    if (!closes) {
      depth++;
    }
    return true;
  }

  /** After {@link #skipIf} consumed learned bytes that close the current object. */
  void objectClosed() {
    depth--;
  }

  /** The bytes from {@code mark} (an earlier position) up to the reader's position. */
  byte[] bytesFrom(int mark) {
    return Arrays.copyOfRange(buf, mark, pos);
  }

  /**
   * An array of {@code n} elements, a copy of {@code defaults}, for the arguments of a record read
   * at the current nesting depth: reused by the next record of that length at that depth (a page
   * reads thousands of records at the same depth, and a record's nested records are deeper), so the
   * arguments are not allocated per record. The caller must be done with it before it reads the
   * next record at this depth.
   */
  Object[] arguments(Object[] defaults) {
    int n = defaults.length;
    int d = depth;
    Object[] a;
    if (d < arguments.length) {
      a = arguments[d];
      if (a == null || a.length != n) {
        a = new Object[n];
        arguments[d] = a;
      }
    } else {
      a = new Object[n];
    }
    System.arraycopy(defaults, 0, a, 0, n);
    return a;
  }

  /** At a string value: reads and decodes it. */
  String readString() {
    expect('"', "a string");
    scanString();
    return string();
  }

  /** At {@code true} or {@code false}: the boolean. */
  boolean readBoolean() {
    if (buf[pos] == 't') {
      literal(TRUE, 4);
      return true;
    }
    literal(FALSE, 5);
    return false;
  }

  /** Skips one value of any kind, checking that it is well-formed. */
  void skipValue() {
    int c = peek();
    switch (c) {
      case '{' -> {
        if (beginObject()) {
          do {
            skipValue();
          } while (nextMember());
        }
      }
      case '[' -> {
        if (beginArray()) {
          do {
            skipValue();
          } while (nextElement());
        }
      }
      case '"' -> {
        pos++;
        scanString();
      }
      case 't' -> literal(TRUE, 4);
      case 'f' -> literal(FALSE, 5);
      case 'n' -> literal(NULL, 4);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          skipNumber();
        } else {
          throw unexpected(c, "a value");
        }
      }
    }
  }

  /**
   * At a number: if it is an integer, its value as a long; otherwise (a fraction or exponent) it is
   * skipped and {@code orElse} returned. An integer out of the range of a long is malformed, as
   * Jackson's {@code getLongValue} has it.
   */
  long readLong(long orElse) {
    int start = pos;
    skipNumber();
    if (!integral) {
      return orElse;
    }
    try {
      return Long.parseLong(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      throw malformed("an integer out of the range of a long", start);
    }
  }

  /** Checks that nothing but whitespace follows the top-level value. */
  void expectEnd() {
    int c = peek();
    if (c != -1) {
      throw unexpected(c, "the end of the input");
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw malformed("nesting deeper than " + MAX_DEPTH, pos - 1);
    }
  }

  private void expect(char c, String what) {
    int got = peek();
    if (got != c) {
      throw unexpected(got, what);
    }
    pos++;
  }

  /**
   * At a literal whose first four bytes are {@code word} (little-endian) and that is {@code n}
   * bytes long ({@code false}: "fals" and 'e'). One four-byte load, not a call to Arrays.equals.
   */
  private void literal(int word, int n) {
    int p = pos;
    boolean ok = end - p >= n && (int) INTS.get(buf, p) == word && (n == 4 || buf[p + 4] == 'e');
    if (!ok) {
      throw malformed("an invalid literal", p);
    }
    pos = p + n;
  }

  private void skipNumber() {
    byte[] b = buf;
    int e = end;
    int start = pos;
    int p = start;
    if (b[p] == '-') {
      p++;
    }
    if (p < e && b[p] == '0') {
      p++;
    } else if (p < e && b[p] >= '1' && b[p] <= '9') {
      p = digits(p + 1);
    } else {
      throw malformed("a number without digits", start);
    }
    boolean whole = true;
    if (p < e && b[p] == '.') {
      whole = false;
      p = requireDigits(p + 1, start);
    }
    if (p < e && (b[p] == 'e' || b[p] == 'E')) {
      whole = false;
      p++;
      if (p < e && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      p = requireDigits(p, start);
    }
    if (p - start > MAX_NUMBER) {
      throw malformed("a number longer than " + MAX_NUMBER + " characters", start);
    }
    integral = whole;
    pos = p;
  }

  private int requireDigits(int p, int start) {
    if (p >= end || buf[p] < '0' || buf[p] > '9') {
      throw malformed("a number with a missing digit", start);
    }
    return digits(p + 1);
  }

  private int digits(int p) {
    byte[] b = buf;
    int e = end;
    while (p < e && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    return p;
  }

  /** After the opening quote: finds the closing one, checking escapes and UTF-8 on the way. */
  private void scanString() {
    byte[] b = buf;
    int e = end;
    int p = pos;
    boolean escaped = false;
    boolean ascii = true;
    while (true) {
      while (p < e && !SPECIAL_IN_STRING[b[p] & 0xFF]) {
        p++;
      }
      if (p >= e) {
        throw malformed("an unterminated string", pos - 1);
      }
      int c = b[p] & 0xFF;
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        escaped = true;
        p = skipEscape(p + 1);
      } else if (c < 0x20) {
        throw malformed("a control character in a string", p);
      } else {
        ascii = false;
        p = skipUtf8(p, c);
      }
    }
    strStart = pos;
    strEnd = p;
    strEscaped = escaped;
    strAscii = ascii;
    pos = p + 1;
  }

  private int skipEscape(int p) {
    if (p >= end) {
      throw malformed("an unterminated string", p - 1);
    }
    switch (buf[p]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return p + 1;
      }
      case 'u' -> {
        for (int i = 1; i <= 4; i++) {
          if (p + i >= end || hex(buf[p + i]) < 0) {
            throw malformed("an invalid \\u escape", p - 1);
          }
        }
        return p + 5;
      }
      default -> throw malformed("an invalid escape", p - 1);
    }
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** At the lead byte {@code c} of a multi-byte sequence: its end, if it is well-formed. */
  private int skipUtf8(int p, int c) {
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) {
        lo = 0xA0;
      } else if (c == 0xED) {
        hi = 0x9F;
      }
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) {
        lo = 0x90;
      } else if (c == 0xF4) {
        hi = 0x8F;
      }
    } else {
      throw malformed("invalid UTF-8", p);
    }
    if (p + n >= end) {
      throw malformed("invalid UTF-8", p);
    }
    int second = buf[p + 1] & 0xFF;
    if (second < lo || second > hi) {
      throw malformed("invalid UTF-8", p);
    }
    for (int i = 2; i <= n; i++) {
      if ((buf[p + i] & 0xC0) != 0x80) {
        throw malformed("invalid UTF-8", p);
      }
    }
    return p + n + 1;
  }

  /** The last string scanned, decoded. */
  private String string() {
    String s;
    if (!strEscaped) {
      s =
          new String(
              buf,
              strStart,
              strEnd - strStart,
              strAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    } else {
      s = unescape();
    }
    if (s.length() > MAX_STRING) {
      throw malformed("a string longer than " + MAX_STRING + " characters", strStart);
    }
    return s;
  }

  private String unescape() {
    StringBuilder out = new StringBuilder(strEnd - strStart);
    int p = strStart;
    while (p < strEnd) {
      int q = p;
      while (q < strEnd && buf[q] != '\\') {
        q++;
      }
      out.append(new String(buf, p, q - p, StandardCharsets.UTF_8));
      if (q == strEnd) {
        break;
      }
      byte c = buf[q + 1];
      switch (c) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append(
              (char)
                  (hex(buf[q + 2]) << 12
                      | hex(buf[q + 3]) << 8
                      | hex(buf[q + 4]) << 4
                      | hex(buf[q + 5])));
          q += 4;
        }
        default -> out.append((char) c); // '"', '\\' or '/', checked by skipEscape
      }
      p = q + 2;
    }
    return out.toString();
  }

  private Malformed unexpected(int c, String expected) {
    String got;
    if (c == -1) {
      got = "the end of the input";
    } else if (c > ' ' && c < 0x7F) {
      got = "'" + (char) c + "'";
    } else {
      got = String.format(Locale.ROOT, "byte 0x%02X", c);
    }
    return malformed("expected " + expected + " but found " + got, pos);
  }

  private static Malformed malformed(String what, int at) {
    return new Malformed(what + " at byte " + at);
  }
}
