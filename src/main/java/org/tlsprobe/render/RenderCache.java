package org.tlsprobe.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rendered pieces by what they render (compared by content): a capture repeats the same chains and
 * findings in flow after flow, so each is rendered once. Thread-safe for flows rendered on several
 * threads; bounded by starting afresh when full, so memory does not grow with the capture.
 */
final class RenderCache<K> {
  private static final int CAPACITY = 4096;

  private final Map<K, String> rendered = new ConcurrentHashMap<>();
  private final Function<K, String> render;

  RenderCache(Function<K, String> render) {
    this.render = render;
  }

  String get(K key) {
    String s = rendered.get(key);
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
