/**
 * Reading and writing files on any Beam file system: chunk planning, the JSONL and Parquet readers,
 * raw records and dead letters, and files written under a temporary name and renamed into place.
 */
package org.cotkit.pipelines.io;
