package org.cotkit.compressors.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Just enough protobuf encoding to write ONNX models from tests: varints, strings, nested messages
 * and little-endian raw tensor data. Field numbers are those of onnx.proto.
 */
final class OnnxProto {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  OnnxProto varint(int field, long value) {
    tag(field, 0);
    writeVarint(value);
    return this;
  }

  OnnxProto string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  OnnxProto message(int field, OnnxProto message) {
    return bytes(field, message.toByteArray());
  }

  OnnxProto bytes(int field, byte[] value) {
    tag(field, 2);
    writeVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    writeVarint(((long) field << 3) | wireType);
  }

  private void writeVarint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  // --- ONNX messages --------------------------------------------------------------------------

  static final int FLOAT = 1;
  static final int INT64 = 7;

  /** TensorProto: dims 1, data_type 2, name 8, raw_data 9. */
  static OnnxProto floatTensor(String name, long[] dims, float[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      raw.putFloat(v);
    }
    return tensor(name, dims, FLOAT, raw.array());
  }

  static OnnxProto int64Tensor(String name, long[] dims, long[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      raw.putLong(v);
    }
    return tensor(name, dims, INT64, raw.array());
  }

  private static OnnxProto tensor(String name, long[] dims, int type, byte[] raw) {
    OnnxProto tensor = new OnnxProto();
    for (long d : dims) {
      tensor.varint(1, d);
    }
    return tensor.varint(2, type).string(8, name).bytes(9, raw);
  }

  /** NodeProto: input 1, output 2, name 3, op_type 4. */
  static OnnxProto node(String opType, String name, String[] inputs, String[] outputs) {
    OnnxProto node = new OnnxProto();
    for (String input : inputs) {
      node.string(1, input);
    }
    for (String output : outputs) {
      node.string(2, output);
    }
    return node.string(3, name).string(4, opType);
  }

  /**
   * ValueInfoProto (name 1, type 2) of a tensor: TypeProto.tensor_type 1 → elem_type 1, shape 2 →
   * dim 1 → dim_value 1 | dim_param 2. A dimension given as a String is symbolic.
   */
  static OnnxProto valueInfo(String name, int elemType, Object... dims) {
    OnnxProto shape = new OnnxProto();
    for (Object dim : dims) {
      OnnxProto d = new OnnxProto();
      if (dim instanceof String symbol) {
        d.string(2, symbol);
      } else {
        d.varint(1, ((Number) dim).longValue());
      }
      shape.message(1, d);
    }
    OnnxProto tensorType = new OnnxProto().varint(1, elemType).message(2, shape);
    return new OnnxProto().string(1, name).message(2, new OnnxProto().message(1, tensorType));
  }
}
