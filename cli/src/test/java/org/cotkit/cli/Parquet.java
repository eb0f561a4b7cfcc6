package org.cotkit.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads cotkit output back with DuckDB, a Parquet reader independent of the one that wrote it. */
final class Parquet {

  private Parquet() {}

  /**
   * Rows of {@code select …} over every Parquet file under {@code <dir>/data/} (a build or compress
   * writes one folder per split), aliased {@code rows}.
   */
  static List<Map<String, Object>> query(Path output, String select) throws SQLException {
    return select(output, select, "");
  }

  /** {@link #query} with a {@code filename} column that names each row's file. */
  static List<Map<String, Object>> queryWithFiles(Path output, String select) throws SQLException {
    return select(output, select, ", filename = true");
  }

  private static List<Map<String, Object>> select(Path output, String select, String readOptions) throws SQLException {
    String from = "read_parquet('" + output.resolve("data").toAbsolutePath() + "/**/*.parquet'" + readOptions + ")";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(select.replace("rows", from))) {
      List<Map<String, Object>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  static long count(Path output, String where) throws SQLException {
    return ((Number) query(output, "SELECT count(*) AS n FROM rows " + where).get(0).get("n")).longValue();
  }

  /** The rows of one Parquet file, as DuckDB counts them. */
  static long countFile(Path file) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM read_parquet('" + file.toAbsolutePath() + "')")) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Runs a statement on a fresh in-memory DuckDB, e.g. to write a Parquet input file. */
  static void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
