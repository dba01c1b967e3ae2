package org.tlsprobe.net;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches AIA caIssuers certificates and CRLs over HTTP: GET only, bounded in time (the whole exchange,
 * body included) and in size, and cached per URL for the life of the fetcher (one run), so a CA URL that
 * fifty targets share is asked once. Never throws: a failure is an {@link HttpFetch} that says why.
 * Thread-safe; concurrent requests for one URL share one exchange.
 */
public final class HttpFetcher {
  /** Bounds used when the caller names none: a CRL of a large CA fits; a hung server costs 5 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  private final HttpClient client;
  private final Duration timeout;
  private final int maxBytes;
  private final Map<String, CompletableFuture<HttpFetch>> cache = new ConcurrentHashMap<>();
  private final AtomicInteger exchanges = new AtomicInteger();

  public HttpFetcher(Duration timeout, int maxBytes) {
    if (timeout.isNegative() || timeout.isZero() || maxBytes <= 0) {
      throw new IllegalArgumentException("timeout and size bound must be positive");
    }
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // CA servers speak plain HTTP/1.1; no h2c upgrade dance
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(timeout)
        .proxy(ProxySelector.getDefault()) // honours -Dhttp.proxyHost where an edge must go through a proxy
        .build();
  }

  public HttpFetcher() {
    this(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
  }

  /** The body of {@code url}, or why not; the same answer for the same URL within this fetcher's life. */
  public HttpFetch fetch(String url) {
    CompletableFuture<HttpFetch> mine = new CompletableFuture<>();
    CompletableFuture<HttpFetch> earlier = cache.putIfAbsent(url, mine);
    if (earlier != null) {
      return earlier.join(); // another caller fetches (or fetched) it: share its answer
    }
    HttpFetch result;
    try {
      result = exchange(url);
    } catch (RuntimeException e) {
      result = HttpFetch.failure(url, 0, "fetch failed: " + e, Duration.ZERO);
    }
    mine.complete(result);
    return result;
  }

  /** How many exchanges went over the network (cache hits excluded), for tests and reports. */
  public int exchanges() {
    return exchanges.get();
  }

  private HttpFetch exchange(String url) {
    long start = System.nanoTime();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return HttpFetch.failure(url, 0, "not a valid URL: " + e.getMessage(), Duration.ZERO);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return HttpFetch.failure(url, 0, "not fetched: only http and https URLs are fetched, not " + (scheme.isEmpty() ? "a relative URL" : scheme), Duration.ZERO);
    }
    if (uri.getHost() == null) {
      return HttpFetch.failure(url, 0, "not a valid URL: no host", Duration.ZERO);
    }
    exchanges.incrementAndGet();
    HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", "tlsprobe").build();
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> bounded(info));
    try {
      HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (response.statusCode() != 200) {
        return HttpFetch.failure(url, response.statusCode(), "HTTP " + response.statusCode() + " from " + uri.getHost(), elapsed);
      }
      return HttpFetch.success(url, response.body(), elapsed);
    } catch (TimeoutException e) {
      pending.cancel(true);
      return HttpFetch.failure(url, 0, "no complete answer within " + timeout.toMillis() + " ms", Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return HttpFetch.failure(url, 0, "interrupted", Duration.ofNanos(System.nanoTime() - start));
    } catch (ExecutionException e) {
      return HttpFetch.failure(url, 0, describe(e.getCause(), uri), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private String describe(Throwable cause, URI uri) {
    if (cause instanceof TooLargeException) {
      return "answer larger than " + maxBytes + " bytes";
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return "could not connect to " + uri.getHost() + " within " + timeout.toMillis() + " ms";
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection to " + authority(uri) + " refused or unreachable";
    }
    if (cause instanceof java.nio.channels.UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
      return "cannot resolve " + uri.getHost();
    }
    if (cause instanceof IOException && cause.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
      return "cannot resolve " + uri.getHost();
    }
    String msg = cause == null ? "unknown error" : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return "fetch failed: " + msg;
  }

  private static String authority(URI uri) {
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  /** A body subscriber that fails as soon as the body (or its announced length) passes the bound. */
  private HttpResponse.BodySubscriber<byte[]> bounded(HttpResponse.ResponseInfo info) {
    if (info.statusCode() != 200) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (announced > maxBytes) {
      return new CappedBody(-1);
    }
    return new CappedBody(maxBytes);
  }

  private static final class TooLargeException extends IOException {
    TooLargeException() {
      super("too large");
    }
  }

  /** Collects at most {@code cap} bytes; {@code cap < 0} refuses from the start. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
      this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (cap < 0) {
        s.cancel();
        result.completeExceptionally(new TooLargeException());
        return;
      }
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (buffer.size() + b.remaining() > cap) {
          subscription.cancel();
          result.completeExceptionally(new TooLargeException());
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }
  }
}
