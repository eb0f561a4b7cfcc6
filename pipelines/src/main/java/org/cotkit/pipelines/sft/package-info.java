/** The SFT example row, its Parquet schema and its Parquet file. */
package org.cotkit.pipelines.sft;
