import { isValidChineseIdNumber, maskIdNumber, maskName, maskPhone, piiHash } from './pii';

describe('pii', () => {
  it('masks an ID number keeping the region prefix and the last four', () => {
    expect(maskIdNumber('620102199001011237')).toBe('620102********1237');
  });
  it('masks a phone number', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
  it('masks a name after its first character, counting astral characters once', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });
  it('checks the GB 11643 check digit and the birth date', () => {
    expect(isValidChineseIdNumber('11010519491231002X')).toBe(true);
    expect(isValidChineseIdNumber('110105194912310021')).toBe(false);
    expect(isValidChineseIdNumber('110105194902300020')).toBe(false);
  });
  it('hashes the normalized value so spacing and case do not matter', () => {
    expect(piiHash('k'.repeat(32), '11010519491231002x')).toBe(piiHash('k'.repeat(32), '110105 19491231 002X'));
    expect(piiHash('k'.repeat(32), '1')).not.toBe(piiHash('j'.repeat(32), '1'));
  });
});
