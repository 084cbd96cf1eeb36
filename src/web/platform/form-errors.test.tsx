import { describe, expect, it } from 'vitest';
import { matchField, pathToNamePath } from './form-errors.ts';

describe('pathToNamePath', () => {
  it('accepts dotted, bracketed and slash paths', () => {
    expect(pathToNamePath('username')).toEqual(['username']);
    expect(pathToNamePath('days.2.date')).toEqual(['days', 2, 'date']);
    expect(pathToNamePath('days[2].date')).toEqual(['days', 2, 'date']);
    expect(pathToNamePath('/days/2/date')).toEqual(['days', 2, 'date']);
  });
});

describe('matchField', () => {
  const registered = [['username'], ['roleIds'], ['days', 0, 'date']];

  it('shows an array element error under the array field', () => {
    expect(matchField(['roleIds', 0], registered)).toEqual(['roleIds']);
  });

  it('prefers the exact field, and matches numeric segments given as text', () => {
    expect(matchField(['days', 0, 'date'], registered)).toEqual(['days', 0, 'date']);
    expect(matchField(['days', '0', 'date'], registered)).toEqual(['days', 0, 'date']);
  });

  it('returns undefined for a field the form does not have', () => {
    expect(matchField(['password'], registered)).toBeUndefined();
  });
});
