package org.cotkit.pipelines;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Encodes a batch of serializable records as one Java-serialization stream, so class descriptors
 * are written once per batch rather than once per record (as a list of {@code SerializableCoder}s
 * would). Length-prefixed, so it nests safely inside other coders.
 */
public final class BatchCoder<T extends Serializable> extends CustomCoder<List<T>> {

  private static final long serialVersionUID = 1L;

  private final Class<T> type;

  private BatchCoder(Class<T> type) {
    this.type = type;
  }

  public static <T extends Serializable> BatchCoder<T> of(Class<T> type) {
    return new BatchCoder<>(type);
  }

  @Override
  public void encode(List<T> batch, OutputStream out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(batch instanceof ArrayList<T> list ? list : new ArrayList<>(batch));
    }
    ByteArrayCoder.of().encode(bytes.toByteArray(), out);
  }

  @Override
  public List<T> decode(InputStream in) throws IOException {
    byte[] bytes = ByteArrayCoder.of().decode(in);
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      List<?> batch = (List<?>) objects.readObject();
      List<T> typed = new ArrayList<>(batch.size());
      for (Object element : batch) {
        typed.add(type.cast(element));
      }
      return typed;
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new CoderException("cannot decode a batch of " + type.getSimpleName(), e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BatchCoder<?> coder && coder.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "Java serialization is not deterministic");
  }
}
