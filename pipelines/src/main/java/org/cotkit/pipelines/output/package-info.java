/**
 * A dataset folder as a whole: a run writes into a staging folder beside it and publishes it only
 * complete ({@link StagedOutput}), one run at a time ({@link OutputLock}); what a manifest lists
 * ({@link DatasetManifest}) is what a folder must hold ({@link DatasetFiles}), and
 * {@link DatasetVerifier} checks that it does.
 */
package org.cotkit.pipelines.output;
