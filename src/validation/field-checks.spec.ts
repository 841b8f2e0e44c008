import { checkEmail, checkEnum, checkOptionalText, checkText, checkUuid, isUuid, nested } from './field-checks';

describe('field checks', () => {
  it('accepts UUIDs of any case and refuses anything else', () => {
    expect(isUuid('0b5d4c1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f')).toBe(true);
    expect(isUuid('0B5D4C1E-2F3A-4B5C-8D9E-0A1B2C3D4E5F')).toBe(true);
    expect(checkUuid('id', 'not-a-uuid')).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    expect(checkUuid('id', "1' OR '1'='1")).toHaveLength(1);
  });

  it('bounds text length, refuses blanks and control characters', () => {
    expect(checkText('name', 'Ann', 1, 10)).toEqual([]);
    expect(checkText('name', '   ', 1, 10)[0].message).toBe('must not be empty');
    expect(checkText('name', 'x'.repeat(11), 1, 10)[0].message).toMatch(/at most 10/);
    expect(checkText('name', 'a\nb', 1, 10)[0].message).toMatch(/control/);
    expect(checkText('name', undefined, 1, 10)[0].message).toBe('is required');
    expect(checkOptionalText('note', undefined, 5)).toEqual([]);
    expect(checkOptionalText('note', null, 5)).toEqual([]);
    expect(checkOptionalText('note', '', 5)).toEqual([]);
    expect(checkOptionalText('note', '123456', 5)).toHaveLength(1);
  });

  it('checks email shape', () => {
    expect(checkEmail('email', 'ann@example.com')).toEqual([]);
    expect(checkEmail('email', 'ann@example')).toHaveLength(1);
    expect(checkEmail('email', 'ann example.com')).toHaveLength(1);
    expect(checkEmail('email', `${'a'.repeat(250)}@x.io`)).toHaveLength(1);
  });

  it('checks enum membership and nests field names', () => {
    enum Color { RED = 'RED' }
    expect(checkEnum('color', 'RED', Color)).toEqual([]);
    expect(checkEnum('color', 'BLUE', Color)).toEqual([{ field: 'color', message: 'must be one of RED' }]);
    expect(nested('address', [{ field: 'city', message: 'x' }])).toEqual([{ field: 'address.city', message: 'x' }]);
  });
});
