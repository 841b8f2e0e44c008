import { resultMessage } from '../rpc/rpc-message';
import { EncodedJson, encodeMessage } from './encoded-json';

const schema = { name: 'Open_vSwitch', version: '1.0.0', tables: { T: { columns: { s: { type: 'string' } } } }, note: 'é "quoted" \\ \u2028' };

describe('EncodedJson', () => {
  it('puts the encoded bytes where the value would be: the same JSON as serialising the value', () => {
    for (const id of [0, 7, 'get-schema-1', ['array', 'id']]) {
      const wire = encodeMessage(resultMessage(id, EncodedJson.of(schema)));
      expect(Buffer.isBuffer(wire)).toBe(true);
      expect(JSON.parse(wire.toString())).toEqual({ id, error: null, result: schema });
    }
  });

  it('serialises every other message as before', () => {
    const message = resultMessage(3, { rows: [] });
    expect(encodeMessage(message)).toBe(JSON.stringify(message));
    expect(encodeMessage({ method: 'echo', params: [], id: 'x' })).toBe('{"method":"echo","params":[],"id":"x"}');
  });

  it('stands for its value inside any other JSON', () => {
    expect(JSON.parse(JSON.stringify({ nested: EncodedJson.of(schema) }))).toEqual({ nested: schema });
  });

  it('refuses a value without JSON text', () => {
    expect(() => EncodedJson.of(undefined)).toThrow(TypeError);
  });
});
