package org.cotkit.pipelines.sft;

import java.io.Serializable;
import java.util.List;
import org.cotkit.pipelines.sft.SftExample.Message;

/**
 * An instruction every example carries ({@code --instruction}), such as TokenSkip's "Please reason
 * step by step, and put your final answer within \boxed{}.": before the question in the
 * {@code prompt} column, and as the {@code system} turn of {@code messages}, where chat templates
 * expect it.
 *
 * @param text the instruction; null for none
 */
public record Instruction(String text) implements Serializable {

  public static final Instruction NONE = new Instruction(null);

  /** The instruction of {@code --instruction}; none when null or blank. */
  public static Instruction of(String text) {
    return text == null || text.isBlank() ? NONE : new Instruction(text.strip());
  }

  /** The {@code prompt} column: the instruction, a line break, then the user's turn. */
  public String prompt(String userTurn) {
    return text == null ? userTurn : text + "\n" + userTurn;
  }

  /** The {@code messages} column: the instruction as a system turn, the user's turn, the completion. */
  public List<Message> chat(String userTurn, String completion) {
    Message user = new Message("user", userTurn);
    Message assistant = new Message("assistant", completion);
    return text == null ? List.of(user, assistant) : List.of(new Message("system", text), user, assistant);
  }
}
