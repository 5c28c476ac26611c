import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  isValidCreditCode,
  isValidMobile,
  isValidResidentId,
  maskMobile,
  maskName,
  maskResidentId,
  normaliseCreditCode,
  normaliseResidentId,
  residentIdCheckChar,
} from './index.js';

describe('统一社会信用代码', () => {
  it('accepts the well-known valid code', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts codes built from a fixed prefix and its computed check character', () => {
    // Government-agency style (11 = 机关), company style (91), social organisation (51).
    for (const prefix of ['11110000000013127', '91110108MA01ABCD7', '51310000LW0KXPQR2']) {
      const code = prefix + creditCodeCheckChar(prefix);
      expect(code).toHaveLength(18);
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('maps a remainder of 0 to check character 0', () => {
    // Search a small space deterministically for a prefix whose weighted sum is a multiple of 31.
    let found: string | undefined;
    for (let i = 0; i < 31 && !found; i++) {
      const prefix = `911101080000000${String(i).padStart(2, '0')}`;
      if (creditCodeCheckChar(prefix) === '0') {
        found = prefix;
      }
    }
    expect(found).toBeDefined();
    expect(isValidCreditCode(`${found}0`)).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4A')).toBe(false);
  });

  it('rejects characters outside the GB 32100 alphabet', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(isValidCreditCode(`91350100M000100${letter}43`)).toBe(false);
    }
    expect(() => creditCodeCheckChar('91350100M000100O4')).toThrow(RangeError);
  });

  it('rejects wrong lengths and non-canonical input', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
    expect(isValidCreditCode(' 91350100m000100y43')).toBe(false);
    expect(() => creditCodeCheckChar('1234')).toThrow(/17 characters/);
  });

  it('normalises user input into the canonical form', () => {
    expect(normaliseCreditCode('  91350100m000100y43\n')).toBe('91350100M000100Y43');
    expect(normaliseCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(isValidCreditCode(normaliseCreditCode(' 91350100m000100y43 '))).toBe(true);
  });
});

describe('居民身份证号码', () => {
  const today = '2026-06-01';

  it('accepts the GB 11643-1999 example', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts IDs built from a fixed prefix and its computed check character', () => {
    for (const prefix of ['44030419900307123', '31010120000229456', '65010219000101001']) {
      const id = prefix + residentIdCheckChar(prefix);
      expect(isValidResidentId(id, { today })).toBe(true);
    }
  });

  it('rejects a wrong check character', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('11010519491231002x')).toBe(false); // lower case is not canonical
    expect(isValidResidentId(normaliseResidentId('11010519491231002x'))).toBe(true);
  });

  it('rejects wrong lengths and characters', () => {
    expect(isValidResidentId('11010519491231002')).toBe(false);
    expect(isValidResidentId('11010519491231002X1')).toBe(false);
    expect(isValidResidentId('110105194912310')).toBe(false); // legacy 15-digit IDs are not accepted
    expect(isValidResidentId('1101051949123100AX')).toBe(false);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });

  it('rejects impossible, pre-1900 and future birth dates even with a correct check character', () => {
    const withCheck = (prefix: string) => prefix + residentIdCheckChar(prefix);
    expect(isValidResidentId(withCheck('11010519990230123'), { today })).toBe(false); // 30 Feb
    expect(isValidResidentId(withCheck('11010520010229123'), { today })).toBe(false); // 2001 not leap
    expect(isValidResidentId(withCheck('11010518991231123'), { today })).toBe(false); // before 1900
    expect(isValidResidentId(withCheck('11010520260602123'), { today })).toBe(false); // tomorrow
    expect(isValidResidentId(withCheck('11010520260601123'), { today })).toBe(true); // born today
    expect(isValidResidentId(withCheck('11010599990101123'))).toBe(false); // far future, real clock
  });
});

describe('masking', () => {
  it('shows only the first and last character of a resident ID', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1****************X');
    expect(maskResidentId('11010519491231002X')).toHaveLength(18);
    expect(maskResidentId('12')).toBe('**');
    expect(maskResidentId('')).toBe('');
  });

  it('keeps the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('*');
    expect(maskName(' 王小明 ')).toBe('王**');
    expect(maskName('𠇔明')).toBe('𠇔*'); // surrogate pair stays one character
    expect(maskName('')).toBe('');
  });

  it('masks the middle four digits of a mobile number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('138 1234 5678')).toBe('138****5678');
    expect(maskMobile('+8613812345678')).toBe('************78');
    expect(maskMobile('1234')).toBe('****');
  });
});

describe('isValidMobile', () => {
  it('accepts mainland mobile numbers', () => {
    for (const m of ['13812345678', '15900000000', '19912345678', '16612345678']) {
      expect(isValidMobile(m)).toBe(true);
    }
  });

  it('rejects everything else', () => {
    for (const m of ['12812345678', '1381234567', '138123456789', '+8613812345678', '138 1234 5678', '010-12345678', '']) {
      expect(isValidMobile(m)).toBe(false);
    }
  });
});
