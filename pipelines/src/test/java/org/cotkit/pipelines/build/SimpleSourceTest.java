package org.cotkit.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimpleSourceTest {

  @Test
  void shortIsTheShortCot() {
    SimpleSource source = SimpleSource.parse("short");
    assertSame(SimpleSource.SHORT_COT, source);
    assertFalse(source.fromLongCot());
    assertNull(source.pruneRatio());
    assertEquals("short", source.toString());
  }

  @Test
  void shortIsCaseAndSpaceInsensitive() {
    assertSame(SimpleSource.SHORT_COT, SimpleSource.parse(" SHORT "));
  }

  @Test
  void longWithRatioPrunesTheLongCot() {
    SimpleSource source = SimpleSource.parse("long:0.5");
    assertTrue(source.fromLongCot());
    assertEquals(0.5, source.pruneRatio());
    assertEquals("long:0.5", source.toString());
  }

  @Test
  void fullRatioAndUpperCaseAreAccepted() {
    SimpleSource source = SimpleSource.parse("LONG:1.0");
    assertTrue(source.fromLongCot());
    assertEquals(1.0, source.pruneRatio());
    assertEquals(0.7, SimpleSource.parse("long: 0.7").pruneRatio());
  }

  @Test
  void toStringParsesBackToTheSameSource() {
    for (String spec : new String[] {"short", "long:0.5", "long:1.0", "long:0.75"}) {
      SimpleSource source = SimpleSource.parse(spec);
      assertEquals(source, SimpleSource.parse(source.toString()), spec);
    }
  }

  @Test
  void badValuesAreRejectedNamingTheOption() {
    for (String bad : new String[] {"long:0", "long:1.5", "long:-0.5", "long:x", "long:", "long", "medium", "", "  ",
        "long:0x1p-1", "long:0.5d", "long:5e-1"}) {
      String message = assertThrows(IllegalArgumentException.class, () -> SimpleSource.parse(bad), bad).getMessage();
      assertTrue(message.contains("--simple-from"), message);
      assertTrue(message.contains("'" + bad + "'"), "the message quotes the value: " + message);
    }
  }

  @Test
  void missingValueIsRejectedNamingTheOption() {
    String message = assertThrows(IllegalArgumentException.class, () -> SimpleSource.parse(null)).getMessage();
    assertTrue(message.contains("--simple-from"), message);
  }
}
