import { firstValueFrom, toArray } from 'rxjs';
import { EventStream } from './event-stream';

describe('EventStream', () => {
  it('delivers each event to every listener, in the order they were added', () => {
    const stream = new EventStream<number>();
    const seen: string[] = [];
    stream.listen((v) => seen.push(`a${v}`));
    stream.listen({ next: (v) => seen.push(`b${v}`) });
    stream.emit(1);
    stream.emit(2);
    expect(seen).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('stops delivering to a removed listener, even within the event that removes it', () => {
    const stream = new EventStream<number>();
    const seen: string[] = [];
    let removeB = (): void => undefined;
    stream.listen((v) => {
      seen.push(`a${v}`);
      removeB();
    });
    removeB = stream.listen((v) => seen.push(`b${v}`));
    stream.emit(1);
    stream.emit(2);
    expect(seen).toEqual(['a1', 'a2']);
    expect(stream.listenerCount).toBe(1);
  });

  it('does not deliver the current event to a listener added while delivering it', () => {
    const stream = new EventStream<number>();
    const seen: number[] = [];
    stream.listen(() => {
      if (stream.listenerCount === 1) stream.listen((v) => seen.push(v));
    });
    stream.emit(1);
    stream.emit(2);
    expect(seen).toEqual([2]);
  });

  it('keeps delivering to the others when a listener throws, and reports the error', () => {
    const reported: unknown[] = [];
    const stream = new EventStream<number>((error) => reported.push(error));
    const seen: number[] = [];
    stream.listen(() => {
      throw new Error('listener bug');
    });
    stream.listen((v) => seen.push(v));
    stream.emit(7);
    expect(seen).toEqual([7]);
    expect(reported).toEqual([new Error('listener bug')]);
  });

  it('tells listeners of the end once, then delivers nothing; a late listener hears the end at once', () => {
    const stream = new EventStream<number>();
    const seen: string[] = [];
    stream.listen({ next: (v) => seen.push(`v${v}`), end: () => seen.push('end') });
    stream.end();
    stream.end();
    stream.emit(1);
    stream.listen({ next: () => seen.push('late value'), end: () => seen.push('late end') });
    expect(seen).toEqual(['end', 'late end']);
    expect(stream.hasEnded).toBe(true);
    expect(stream.listenerCount).toBe(0);
  });

  it('is an Observable that completes with the stream and releases its listener on unsubscribe', async () => {
    const stream = new EventStream<number>();
    const all = firstValueFrom(stream.asObservable().pipe(toArray()));
    const subscription = stream.asObservable().subscribe();
    expect(stream.listenerCount).toBe(2);
    subscription.unsubscribe();
    expect(stream.listenerCount).toBe(1);
    stream.emit(1);
    stream.emit(2);
    stream.end();
    await expect(all).resolves.toEqual([1, 2]);
    expect(stream.asObservable()).toBe(stream.asObservable());
  });
});
