/**
 * The teacher record: parsing into canonical fields, field mapping and presets, reading a chunk a
 * batch of parsed records at a time, and choosing the chain of thought to use.
 */
package org.cotkit.pipelines.record;
