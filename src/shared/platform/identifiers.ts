// Identifiers of the national standards that several capabilities check (parties, the entity directory).

// GB 32100-2015: 31 characters, without I, O, S, V, Z; a character's value is its index.
const usccCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a 统一社会信用代码 from its first 17 characters (31 − Σ value×weight mod 31, 31 → '0'). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (const [index, weight] of usccWeights.entries())
    sum += usccCharset.indexOf(first17[index] ?? '') * weight;
  return usccCharset[(31 - (sum % 31)) % 31]!;
}

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the code set, positions 3–8 the registration
 * authority's 行政区划码 (digits), and the check character of usccCheckCharacter.
 * Exact input only: trim and upper-case before calling.
 */
export function validateUscc(code: string): true | string {
  if (code.length !== 18) return `统一社会信用代码应为18位（收到${code.length}位）`;
  for (const [index, char] of [...code].entries()) {
    if (!usccCharset.includes(char))
      return `统一社会信用代码第${index + 1}位“${char}”不是允许的字符（不使用I、O、S、V、Z）`;
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）';
  if (code[17] !== usccCheckCharacter(code)) return '统一社会信用代码校验码不正确，请核对';
  return true;
}
