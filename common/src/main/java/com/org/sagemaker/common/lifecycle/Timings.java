package com.org.sagemaker.common.lifecycle;

import com.org.sagemaker.common.Backoff;
import java.time.Clock;

/**
 * How long each operation of a type waits between checks and in all, and the clock that tells the
 * operation's time: injected, so tests run instantly. Each type's record implements it.
 */
public interface Timings {

  Backoff create();

  Backoff update();

  Backoff delete();

  Clock clock();
}
