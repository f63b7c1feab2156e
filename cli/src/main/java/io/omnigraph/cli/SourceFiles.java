package io.omnigraph.cli;

import io.omnigraph.compiler.source.SourceText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads source files as strict UTF-8, with errors a user can act on. */
public final class SourceFiles {
  private SourceFiles() {}

  public static SourceText read(Path path, String what) {
    if (Files.isDirectory(path)) {
      throw new CliException(what + " " + path + " is a directory; pass the file itself");
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return new SourceText(path.toString(), text);
    } catch (NoSuchFileException e) {
      throw new CliException("cannot read " + what + " " + path + ": no such file");
    } catch (CharacterCodingException e) {
      throw new CliException(what + " " + path + " is not valid UTF-8; save it as UTF-8");
    } catch (IOException e) {
      throw new CliException("cannot read " + what + " " + path + ": " + e.getMessage());
    }
  }
}
