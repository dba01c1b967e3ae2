package org.tlsprobe.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memo's two ways in (get with a compute function; find, then put) agree, and both stay bounded. */
class BoundedCacheTest {
  @Test
  void get_computesOnce_thenFindsWhatItMade() {
    BoundedCache<String, String> cache = new BoundedCache<>(4);
    AtomicInteger computed = new AtomicInteger();
    String first = cache.get("a", k -> k + computed.incrementAndGet());
    assertSame(first, cache.get("a", k -> k + computed.incrementAndGet()));
    assertSame(first, cache.find("a"));
    assertEquals(1, computed.get());
  }

  @Test
  void find_isNullUntilPut_andPutReturnsWhatItKeeps() {
    BoundedCache<String, String> cache = new BoundedCache<>(4);
    assertNull(cache.find("a"));
    String kept = new String("value");
    assertSame(kept, cache.put("a", kept));
    assertSame(kept, cache.find("a"));
    assertSame(kept, cache.get("a", k -> "other"));
  }

  @Test
  void full_startsAfresh_whicheverWayValuesCameIn() {
    BoundedCache<Integer, Integer> cache = new BoundedCache<>(2);
    cache.put(1, 1);
    cache.get(2, k -> k);
    cache.put(3, 3); // full: forgets 1 and 2
    assertNull(cache.find(1));
    assertNull(cache.find(2));
    assertEquals(3, cache.find(3));
    cache.get(4, k -> k);
    cache.get(5, k -> k); // full again
    assertNull(cache.find(3));
    assertEquals(5, cache.find(5));
  }
}
