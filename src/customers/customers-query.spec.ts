import { likePattern } from './customers-query';

describe('customers search pattern', () => {
  it('lower-cases, trims and wraps the text', () => {
    expect(likePattern('  Doe ')).toBe('%doe%');
  });

  it('escapes LIKE wildcards and the escape character so they match themselves', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
