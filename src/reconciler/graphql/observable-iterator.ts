// GraphQL subscriptions consume an AsyncIterable; the app's events are RxJS observables.
// This bridges the two with a queue, and unsubscribes when the client goes away (return()).
// An error of the observable (access lost, say) is thrown by next() once the values queued
// before it are taken: graphql-ws then sends it to the client and ends the subscription.

import { Observable } from 'rxjs';

export function observableIterator<T>(source: Observable<T>): AsyncIterableIterator<T> {
  const queue: T[] = [];
  const waiting: Array<{ resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }> = [];
  let done = false;
  let failure: { error: unknown } | undefined;
  const finish = (): void => {
    done = true;
    for (const w of waiting.splice(0)) w.resolve({ value: undefined, done: true });
  };
  const fail = (error: unknown): void => {
    const first = waiting.shift();
    if (first) first.reject(error);
    else failure = { error };
    finish();
  };
  const subscription = source.subscribe({
    next: (value) => {
      const w = waiting.shift();
      if (w) w.resolve({ value, done: false });
      else queue.push(value);
    },
    error: fail,
    complete: finish,
  });
  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (failure) {
        const { error } = failure;
        failure = undefined;
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return: () => {
      subscription.unsubscribe();
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
