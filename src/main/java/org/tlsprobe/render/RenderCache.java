package org.tlsprobe.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rendered pieces by what they render (compared by content): a capture repeats the same chains and
 * findings in flow after flow, so each is rendered once. Thread-safe for flows rendered on several
 * threads; bounded by starting afresh when full, so memory does not grow with the capture.
 */
final class RenderCache<K, V> {
  private static final int CAPACITY = 4096;

  private final Map<K, V> rendered = new ConcurrentHashMap<>();
  private final Function<K, V> render;

  RenderCache(Function<K, V> render) {
    this.render = render;
  }

  V get(K key) {
    V s = rendered.get(key);
    if (s == null) {
      if (rendered.size() >= CAPACITY) {
        rendered.clear();
      }
      s = render.apply(key);
      rendered.put(key, s);
    }
    return s;
  }
}
