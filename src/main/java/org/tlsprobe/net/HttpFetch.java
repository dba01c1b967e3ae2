package org.tlsprobe.net;

import java.time.Duration;
import java.util.Optional;

/**
 * What one bounded HTTP GET brought back: the body when the server answered 200 within the limits, else
 * the reason it did not (refused, timed out, too large, HTTP status), worded for a report.
 *
 * @param url the URL as asked for
 * @param status the HTTP status, or 0 when no answer came
 * @param body the body (only when {@link #ok()}), else empty
 * @param error why there is no body, empty when ok
 * @param elapsed how long the fetch took
 */
public record HttpFetch(String url, int status, byte[] body, String error, Duration elapsed) {
  public HttpFetch {
    body = body == null ? new byte[0] : body;
    error = error == null ? "" : error;
  }

  static HttpFetch success(String url, byte[] body, Duration elapsed) {
    return new HttpFetch(url, 200, body, "", elapsed);
  }

  static HttpFetch failure(String url, int status, String error, Duration elapsed) {
    return new HttpFetch(url, status, new byte[0], error, elapsed);
  }

  public boolean ok() {
    return error.isEmpty();
  }

  public Optional<String> failure() {
    return ok() ? Optional.empty() : Optional.of(error);
  }
}
