package dev.jamfmcp.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of README.md and docs/*.md is compiled code: it sits in a source file of this
 * repository between {@code // snippet:begin NAME} and {@code // snippet:end}, and this test fails
 * when a doc shows a block that no such snippet has, or a snippet is shown by no doc. Whitespace is
 * ignored (the formatter re-indents sources; docs keep their own layout).
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DOC_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");
  private static final Pattern SNIPPET =
      Pattern.compile("(?s)// snippet:begin ([\\w.-]+)\\n(.*?)\\n\\s*// snippet:end");

  static String normalised(String code) {
    return code.replaceAll("\\s+", "");
  }

  /** Java blocks of README.md and docs/*.md, by "file:line". */
  static Map<String, String> docBlocks() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    Map<String, String> blocks = new LinkedHashMap<>();
    for (Path doc : docs) {
      String text = Files.readString(doc);
      Matcher m = DOC_BLOCK.matcher(text);
      while (m.find()) {
        int line = text.substring(0, m.start()).split("\n", -1).length;
        blocks.put(ROOT.relativize(doc) + ":" + line, m.group(1));
      }
    }
    return blocks;
  }

  /** Marked snippets of every Java source outside build output, by name. */
  static Map<String, String> snippets() throws IOException {
    Map<String, String> snippets = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
          .forEach(
              p -> {
                try {
                  Matcher m = SNIPPET.matcher(Files.readString(p));
                  while (m.find()) {
                    String previous = snippets.put(m.group(1), m.group(2));
                    assertThat(previous).as("snippet name %s used twice", m.group(1)).isNull();
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return snippets;
  }

  @Test
  void everyJavaBlockOfTheDocsIsACompiledSnippet() throws IOException {
    List<String> compiled = snippets().values().stream().map(DocSnippetsTest::normalised).toList();
    List<String> uncompiled = new ArrayList<>();
    docBlocks()
        .forEach(
            (where, block) -> {
              if (!compiled.contains(normalised(block))) {
                uncompiled.add(where + " " + block.lines().findFirst().orElse(""));
              }
            });
    assertThat(uncompiled)
        .as("Java blocks in the docs that differ from every // snippet:begin ... // snippet:end")
        .isEmpty();
  }

  @Test
  void everySnippetIsShownByADoc() throws IOException {
    List<String> shown = docBlocks().values().stream().map(DocSnippetsTest::normalised).toList();
    List<String> unshown = new ArrayList<>();
    snippets()
        .forEach(
            (name, code) -> {
              if (!shown.contains(normalised(code))) {
                unshown.add(name);
              }
            });
    assertThat(unshown).as("snippets that no doc shows as they are").isEmpty();
  }

  @Test
  void aChangedDocBlockIsCaught() {
    assertThat(normalised("Tool.builder(\"echo\")\n    .build()"))
        .isEqualTo(normalised("Tool.builder(\"echo\").build()"))
        .isNotEqualTo(normalised("Tool.builder(\"echo2\").build()"));
  }
}
