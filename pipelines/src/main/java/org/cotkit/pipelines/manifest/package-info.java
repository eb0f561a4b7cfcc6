/** The end every run shares: dead letters to {@code errors/} and the counts to {@code manifest.json}. */
package org.cotkit.pipelines.manifest;
