// One kind of event with its listeners: what an RxJS Subject gives the library's per-session
// wiring (transport -> RPC -> monitor -> cache -> application), without a Subscriber, an
// observer object, a finaliser list and a Subscription per listener. Ten thousand sessions
// each hold several of these, and every object counts in a full collection of the heap
// (docs/benchmarks.md, round seven). `asObservable()` keeps RxJS for callers who want it.
//
// Semantics follow Subject's: a listener added or removed while an event is delivered does
// not see that event / sees no more; a listener that throws does not keep the event from the
// others, and its error is rethrown on a later tick (as RxJS reports unhandled errors);
// after `end()` nothing more is delivered and listeners added later are told at once.

import { Observable } from 'rxjs';

export interface EventListener<T> {
  next(value: T): void;
  /** The stream ended (the transport closed, the cache was disposed). */
  end?(): void;
}

interface Entry<T> {
  readonly listener: EventListener<T> | ((value: T) => void);
  active: boolean;
}

/** As RxJS reports an error no one handles: thrown on a later tick, never swallowed. */
function rethrowLater(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}

export class EventStream<T> {
  private entries: readonly Entry<T>[] = [];
  private ended = false;
  private observable: Observable<T> | undefined;

  constructor(private readonly reportError: (error: unknown) => void = rethrowLater) {}

  get hasEnded(): boolean {
    return this.ended;
  }

  get listenerCount(): number {
    return this.entries.length;
  }

  /** Adds a listener (a function, or an object also told of the end); returns its removal. */
  listen(listener: EventListener<T> | ((value: T) => void)): () => void {
    if (this.ended) {
      if (typeof listener !== 'function') listener.end?.();
      return noop;
    }
    const entry: Entry<T> = { listener, active: true };
    this.entries = [...this.entries, entry];
    return () => this.remove(entry);
  }

  emit(value: T): void {
    if (this.ended) return;
    for (const entry of this.entries) {
      if (!entry.active) continue;
      try {
        if (typeof entry.listener === 'function') entry.listener(value);
        else entry.listener.next(value);
      } catch (error) {
        this.reportError(error);
      }
    }
  }

  /** Ends the stream: listeners with `end` are told, then all are dropped. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const entries = this.entries;
    this.entries = [];
    for (const entry of entries) {
      entry.active = false;
      if (typeof entry.listener !== 'function') entry.listener.end?.();
    }
  }

  /** The stream as an Observable that completes when it ends; one instance per stream. */
  asObservable(): Observable<T> {
    this.observable ??= new Observable<T>((subscriber) =>
      this.listen({ next: (value) => subscriber.next(value), end: () => subscriber.complete() }),
    );
    return this.observable;
  }

  private remove(entry: Entry<T>): void {
    if (!entry.active) return;
    entry.active = false;
    this.entries = this.entries.filter((e) => e !== entry);
  }
}

function noop(): void {
  // Nothing to remove.
}
