package org.cotkit.pipelines.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: cells padded to their column's widest, text left-aligned and numbers
 * right-aligned, with an optional line of labels that each span a run of columns.
 */
final class AlignedColumns {

  private record Span(String label, int first, int last) {}

  private final String indent;
  private final boolean[] leftAligned;
  private final List<String[]> rows = new ArrayList<>();
  private final List<Span> spans = new ArrayList<>();

  /** @param alignment one letter a column: {@code L} left, {@code R} right */
  AlignedColumns(String indent, String alignment) {
    this.indent = indent;
    this.leftAligned = new boolean[alignment.length()];
    for (int i = 0; i < alignment.length(); i++) {
      leftAligned[i] = alignment.charAt(i) == 'L';
    }
  }

  /** A label over columns {@code first} to {@code last}, printed above the first row. */
  AlignedColumns span(String label, int first, int last) {
    spans.add(new Span(label, first, last));
    return this;
  }

  AlignedColumns row(String... cells) {
    if (cells.length != leftAligned.length) {
      throw new IllegalArgumentException(cells.length + " cells for " + leftAligned.length + " columns");
    }
    rows.add(cells);
    return this;
  }

  String render() {
    int[] widths = new int[leftAligned.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (Span span : spans) { // a label wider than its columns widens the last of them
      int width = -2;
      for (int i = span.first(); i <= span.last(); i++) {
        width += widths[i] + 2;
      }
      widths[span.last()] += Math.max(0, span.label().length() - width);
    }
    StringBuilder out = new StringBuilder();
    if (!spans.isEmpty()) {
      StringBuilder line = new StringBuilder(indent);
      int column = 0;
      for (Span span : spans) {
        for (; column < span.first(); column++) {
          line.append(" ".repeat(widths[column] + 2));
        }
        int width = -2;
        for (; column <= span.last(); column++) {
          width += widths[column] + 2;
        }
        line.append(pad(span.label(), width, true)).append("  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.length; i++) {
        line.append(pad(row[i], widths[i], leftAligned[i])).append(i + 1 < row.length ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String pad(String cell, int width, boolean left) {
    String space = " ".repeat(Math.max(0, width - cell.length()));
    return left ? cell + space : space + cell;
  }
}
