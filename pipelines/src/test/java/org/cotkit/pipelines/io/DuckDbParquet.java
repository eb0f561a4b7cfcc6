package org.cotkit.pipelines.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes Parquet files with DuckDB, as other tools write them (3-level lists, decimals, structs). */
public final class DuckDbParquet {

  private DuckDbParquet() {}

  /** Writes the rows of a DuckDB {@code SELECT} to {@code file}. */
  public static void write(Path file, String select) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      sql.execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
    }
  }
}
