package org.cotkit.compressors;

/** Where a model scorer runs. */
public enum ScoringDevice {
  /** ONNX Runtime's CPU execution provider. */
  CPU,
  /** The CUDA execution provider; failing to start when the runtime or host has none. */
  CUDA,
  /** CUDA when the runtime and host have it, else the CPU. */
  AUTO
}
