/**
 * {@code cotkit publish}: a verified SFT dataset laid out as a Hub-ready folder. One config per mode
 * and {@code all} in a training format's columns only ({@link org.cotkit.pipelines.publish.PublishFormat}),
 * the provenance in a row-aligned {@code metadata} config
 * ({@link org.cotkit.pipelines.publish.MetadataColumns}), files named as the Hub names shards
 * ({@link org.cotkit.pipelines.publish.PublishedLayout}), the dataset card
 * ({@link org.cotkit.pipelines.publish.DatasetCard}) and LLaMA-Factory's {@code dataset_info.json}
 * ({@link org.cotkit.pipelines.publish.LlamaFactoryDatasetInfo}); the upload is left to the Hugging
 * Face command line ({@link org.cotkit.pipelines.publish.HubUpload}).
 */
package org.cotkit.pipelines.publish;
