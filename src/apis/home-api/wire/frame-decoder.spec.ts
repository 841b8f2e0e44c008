import { FrameDecoder, UndelimitableStreamError } from './frame-decoder';

const frame = (body: string) => `${String(body.length).padStart(4, '0')}${body}`;
const A = '|CREATE|SUBSCRIBER|mso_name=ABC|\n';
const B = '|DELETE|SITE|site_key=1|\n';

describe('FrameDecoder', () => {
  it('cuts transactions by their 4-digit length, however the bytes arrive', () => {
    const bytes = Buffer.from(frame(A) + frame(B), 'ascii');
    for (const size of [1, 3, 7, bytes.length]) {
      const decoder = new FrameDecoder(9999);
      const out = [];
      for (let i = 0; i < bytes.length; i += size) out.push(...decoder.push(bytes.subarray(i, i + size)));
      expect(out).toEqual([
        { kind: 'transaction', text: A },
        { kind: 'transaction', text: B },
      ]);
      expect(decoder.midFrame).toBe(false);
    }
  });

  it('reports a frame over the limit once its end is reached, without keeping it, and goes on', () => {
    const decoder = new FrameDecoder(64);
    const big = `|CREATE|SUBSCRIBER|sub_lastname=${'x'.repeat(100)}|\n`;
    const out = decoder.push(Buffer.from(frame(big) + frame(A), 'ascii'));
    expect(out).toEqual([
      { kind: 'rejected', why: 'oversized', head: big.slice(0, 64) },
      { kind: 'transaction', text: A },
    ]);
  });

  it('rejects a frame with bytes outside ASCII and an empty frame, and goes on', () => {
    const decoder = new FrameDecoder(9999);
    const bad = Buffer.concat([Buffer.from('0012|CREATE|', 'ascii'), Buffer.from([0xc3, 0xa9]), Buffer.from('|\n', 'ascii')]);
    const out = decoder.push(Buffer.concat([bad, Buffer.from('0000' + frame(A), 'ascii')]));
    expect(out.map((f) => (f.kind === 'rejected' ? f.why : f.text))).toEqual(['non-ascii', 'empty', A]);
  });

  it('cannot delimit after a prefix that is not four digits', () => {
    const decoder = new FrameDecoder(9999);
    expect(() => decoder.push(Buffer.from('|CREATE|SUBSCRIBER|\n', 'ascii'))).toThrow(UndelimitableStreamError);
    expect(() => new FrameDecoder(9999).push(Buffer.from('12a4', 'ascii'))).toThrow(UndelimitableStreamError);
  });

  it('says when a peer stopped in the middle of a frame', () => {
    const decoder = new FrameDecoder(9999);
    decoder.push(Buffer.from(frame(A).slice(0, 10), 'ascii'));
    expect(decoder.midFrame).toBe(true);
  });
});
