import { checkNodeDescription, checkSerial, checkUnclaimReason } from './node-rules';

describe('node rules', () => {
  it('accept serials as devices report them', () => {
    for (const s of ['1A2B3C4D5E', 'PP203X-001', 'n.1:2_3', 'a']) expect(checkSerial('serial', s)).toEqual([]);
  });

  it('refuse empty, long, spaced, punctuated or control-character serials', () => {
    for (const s of ['', '  ', 'a b', '-abc', 'x'.repeat(65), "1';--", 'SN1\nforged']) expect(checkSerial('serial', s)).toHaveLength(1);
  });

  it('accept surrounding whitespace, which normalisation removes', () => {
    expect(checkSerial('serial', ' 123 ')).toEqual([]);
  });

  it('bound description and RMA reason', () => {
    expect(checkNodeDescription('description', 'Living room')).toEqual([]);
    expect(checkNodeDescription('description', null)).toEqual([]);
    expect(checkNodeDescription('description', 'x'.repeat(201))).toHaveLength(1);
    expect(checkUnclaimReason('reason', 'RMA: radio dead')).toEqual([]);
    expect(checkUnclaimReason('reason', ' ')).toHaveLength(1);
  });
});
