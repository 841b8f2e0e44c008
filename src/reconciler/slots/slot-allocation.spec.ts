import { allocateSlots } from './slot-allocation';

describe('allocateSlots', () => {
  it('gives PRIMARY slot 1 and others the lowest free slot from 2', () => {
    const slots = allocateSlots(
      [
        { networkId: 'guest', kind: 'GUEST' },
        { networkId: 'home', kind: 'PRIMARY' },
        { networkId: 'iot', kind: 'IOT' },
      ],
      new Set(),
    );
    expect(Object.fromEntries(slots)).toEqual({ home: 1, guest: 2, iot: 3 });
  });

  it('fills gaps left by deleted networks and never reuses a taken slot', () => {
    const slots = allocateSlots([{ networkId: 'n', kind: 'GUEST' }], new Set([1, 2, 4]));
    expect(slots.get('n')).toBe(3);
  });

  it('never gives slot 1 to a non-PRIMARY network', () => {
    expect(allocateSlots([{ networkId: 'g', kind: 'GUEST' }], new Set()).get('g')).toBe(2);
  });

  it('leaves networks without a slot when all seven are taken', () => {
    const slots = allocateSlots([{ networkId: 'late', kind: 'GUEST' }], new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(slots.has('late')).toBe(false);
  });
});
