package org.tlsprobe.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The memo every stage shares for what a capture repeats (certificates, chains' findings, signatures,
 * rendered pieces): thread-safe, as flows are judged and rendered on several threads, and bounded by
 * starting afresh when full, so memory does not grow with the capture. Two threads may compute the same
 * missing value at once; values must therefore depend on the key alone.
 */
public final class BoundedCache<K, V> {
  private final int capacity;
  private final Map<K, V> values = new ConcurrentHashMap<>();

  public BoundedCache(int capacity) {
    this.capacity = capacity;
  }

  /**
   * The value for {@code key}, or null when it is not known yet. With {@link #put}, for callers whose
   * {@code compute} would capture variables: C1-compiled code allocates a capturing lambda through a JNI call
   * (Unsafe.allocateInstance), a cost paid on every lookup, found or not.
   */
  public V find(K key) {
    return values.get(key);
  }

  /** Remembers {@code value} for {@code key} (starting afresh when full); returns it. */
  public V put(K key, V value) {
    if (values.size() >= capacity) {
      values.clear();
    }
    values.put(key, value);
    return value;
  }

  /** The value for {@code key}, made by {@code compute} when it is not known yet. */
  public V get(K key, Function<? super K, ? extends V> compute) {
    V v = values.get(key);
    return v != null ? v : put(key, compute.apply(key));
  }
}
