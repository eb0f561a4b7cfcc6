package org.cotkit.pipelines.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a field lives inside a record, as {@code --map} spells it:
 * <ul>
 *   <li>{@code a.b}: field {@code b} of object {@code a};
 *   <li>{@code a[0]} or {@code a.0}: the first element of list {@code a}; {@code a[-1]} the last;
 *   <li>{@code a[key=value]}: the first element of list {@code a} that is an object whose
 *       {@code key} is {@code value}, e.g. {@code conversations[from=gpt].value},
 *       {@code messages[role=assistant].content}; {@code a[key=value:last]} the last such element.
 * </ul>
 * A path that leads nowhere (a missing field, an index past the end, no matching element) gives a
 * missing node, as an absent field does.
 */
public final class FieldPath implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One step: a field name, an index, or a selection by a field's value. */
  private record Step(String field, Integer index, String key, String value, boolean last) implements Serializable {}

  private final String spelling;
  private final List<Step> steps;

  private FieldPath(String spelling, List<Step> steps) {
    this.spelling = spelling;
    this.steps = steps;
  }

  /**
   * @throws IllegalArgumentException naming the path and what is wrong with it
   */
  public static FieldPath parse(String spelling) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = spelling.length();
    while (i < n) {
      char c = spelling.charAt(i);
      if (c == '[') {
        int close = spelling.indexOf(']', i);
        if (close < 0) {
          throw invalid(spelling, "a '[' is not closed");
        }
        steps.add(bracket(spelling, spelling.substring(i + 1, close)));
        i = close + 1;
        if (i < n && spelling.charAt(i) == '.') {
          i++;
          if (i == n) {
            throw invalid(spelling, "it ends with '.'");
          }
        } else if (i < n && spelling.charAt(i) != '[') {
          throw invalid(spelling, "a ']' must be followed by '.', '[' or the end");
        }
        continue;
      }
      int end = i;
      while (end < n && spelling.charAt(end) != '.' && spelling.charAt(end) != '[') {
        if (spelling.charAt(end) == ']') {
          throw invalid(spelling, "a ']' has no '['");
        }
        end++;
      }
      String name = spelling.substring(i, end);
      if (name.isEmpty()) {
        throw invalid(spelling, "it has an empty field name");
      }
      // a.0 reads element 0 of a list, as a JSON pointer does, and field "0" of an object
      steps.add(new Step(name, null, null, null, false));
      i = end;
      if (i < n && spelling.charAt(i) == '.') {
        i++;
        if (i == n) {
          throw invalid(spelling, "it ends with '.'");
        }
      }
    }
    if (steps.isEmpty()) {
      throw invalid(spelling, "it is empty");
    }
    return new FieldPath(spelling, List.copyOf(steps));
  }

  private static Step bracket(String spelling, String inside) {
    int eq = inside.indexOf('=');
    if (eq < 0) {
      try {
        return new Step(null, Integer.parseInt(inside.strip()), null, null, false);
      } catch (NumberFormatException e) {
        throw invalid(spelling, "[" + inside + "] is neither an index ([0], [-1]) nor a selection ([role=assistant])");
      }
    }
    String key = inside.substring(0, eq).strip();
    String value = inside.substring(eq + 1);
    boolean last = false;
    if (value.endsWith(":last")) {
      last = true;
      value = value.substring(0, value.length() - ":last".length());
    } else if (value.endsWith(":first")) {
      value = value.substring(0, value.length() - ":first".length());
    }
    if (key.isEmpty()) {
      throw invalid(spelling, "[" + inside + "] names no field to select by");
    }
    return new Step(null, null, key, value, last);
  }

  private static IllegalArgumentException invalid(String spelling, String why) {
    return new IllegalArgumentException("field path '" + spelling + "' is not valid: " + why
        + " (forms: a.b, a[0], a.0, a[-1], a[key=value].b, a[key=value:last].b)");
  }

  /** The node the path leads to in {@code root}; a missing node when it leads nowhere. */
  public JsonNode resolve(JsonNode root) {
    JsonNode node = root;
    for (Step step : steps) {
      if (node == null || node.isMissingNode()) {
        return MissingNode.getInstance();
      }
      node = step(node, step);
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  private static JsonNode step(JsonNode node, Step step) {
    if (step.field() != null) {
      if (node.isArray() && step.field().length() <= 9 && step.field().chars().allMatch(Character::isDigit)) {
        return node.path(Integer.parseInt(step.field()));
      }
      return node.path(step.field());
    }
    if (!node.isArray()) {
      return MissingNode.getInstance();
    }
    if (step.index() != null) {
      int index = step.index() < 0 ? node.size() + step.index() : step.index();
      return index < 0 ? MissingNode.getInstance() : node.path(index);
    }
    JsonNode found = MissingNode.getInstance();
    for (JsonNode element : node) {
      JsonNode key = element.path(step.key());
      if (key.isValueNode() && key.asText().equals(step.value())) {
        found = element;
        if (!step.last()) {
          return found;
        }
      }
    }
    return found;
  }

  /** The path as the user spelled it, for messages. */
  @Override
  public String toString() {
    return spelling;
  }
}
