import { Subject } from 'rxjs';
import { observableIterator } from './observable-iterator';

describe('observableIterator', () => {
  it('yields values in order, queued or awaited, and ends when the observable completes', async () => {
    const source = new Subject<number>();
    const it = observableIterator(source);
    source.next(1);
    source.next(2);
    expect(await it.next()).toEqual({ value: 1, done: false });
    expect(await it.next()).toEqual({ value: 2, done: false });
    const pending = it.next();
    source.next(3);
    expect(await pending).toEqual({ value: 3, done: false });
    source.complete();
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('throws the observable error after the values queued before it, then is done', async () => {
    const source = new Subject<number>();
    const it = observableIterator(source);
    source.next(1);
    source.error(new Error('access lost'));
    expect(await it.next()).toEqual({ value: 1, done: false });
    await expect(it.next()).rejects.toThrow('access lost');
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('rejects a next() that is already waiting when the error comes', async () => {
    const source = new Subject<number>();
    const it = observableIterator(source);
    const waiting = it.next();
    source.error(new Error('token expired'));
    await expect(waiting).rejects.toThrow('token expired');
  });

  it('unsubscribes when the consumer returns', async () => {
    const source = new Subject<number>();
    const it = observableIterator(source);
    expect(source.observed).toBe(true);
    await it.return?.();
    expect(source.observed).toBe(false);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });
});
