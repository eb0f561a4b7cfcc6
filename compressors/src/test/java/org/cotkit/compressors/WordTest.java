package org.cotkit.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class WordTest {

  @Test
  void rejectsBadSpans() {
    assertThrows(IllegalArgumentException.class, () -> new Word(-1, 4, "abcde", "abcde"));
    assertThrows(IllegalArgumentException.class, () -> new Word(5, 4, "", ""));
    assertThrows(IllegalArgumentException.class, () -> new Word(0, 4, "abc", "abc"));
    assertThrows(IllegalArgumentException.class, () -> new Word(0, 2, "abc", "abc"));
  }

  @Test
  void survivesSerialization() throws Exception {
    Word word = new Word(2, 9, "Janet’s", "janet’s");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(word);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(word, in.readObject());
    }
  }
}
