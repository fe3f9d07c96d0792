// Generalisation helpers: months, ages and bands, departments.
import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../../electron/api/codes';
import { ageBand, ageGroupOf, ageOn, departmentOf, monthOf } from '../../electron/core/disclosure/generalise';

describe('generalise', () => {
  it('reduces local dates and date-times to the month', () => {
    expect(monthOf('2026-11-03')).toBe('2026-11');
    expect(monthOf('2026-11-30T23:59')).toBe('2026-11');
    expect(monthOf('2026-01-01T00:00:00')).toBe('2026-01');
  });

  it('refuses zoned instants and impossible dates', () => {
    expect(() => monthOf('2026-11-30T23:30:00Z')).toThrow(RangeError);
    expect(() => monthOf('2026-12-01T04:30-05:00')).toThrow(RangeError);
    expect(() => monthOf('2026-02-30')).toThrow(RangeError);
    expect(() => monthOf('30/11/2026')).toThrow(RangeError);
  });

  it('counts completed years, birthdays included', () => {
    expect(ageOn('2008-11-03', '2026-11-02')).toBe(17);
    expect(ageOn('2008-11-03', '2026-11-03')).toBe(18);
    expect(ageOn('2008-11-03', '2026-11-03T08:00')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2026-05-01', '2026-05-01')).toBe(0);
    expect(() => ageOn('2026-05-02', '2026-05-01')).toThrow(RangeError);
  });

  it('bands ages at every boundary and collapses bands to under/over 18', () => {
    const cases: [number, string][] = [[0, '0-5'], [5, '0-5'], [6, '6-11'], [11, '6-11'], [12, '12-17'], [17, '12-17'], [18, '18-29'], [29, '18-29'], [30, '30-59'], [59, '30-59'], [60, '60+'], [104, '60+']];
    for (const [age, band] of cases) expect(ageBand(age)).toBe(band);
    expect(() => ageBand(-1)).toThrow(RangeError);
    expect(() => ageBand(3.5)).toThrow(RangeError);
    expect(AGE_BANDS.map(ageGroupOf)).toEqual(['under_18', 'under_18', 'under_18', '18_plus', '18_plus', '18_plus']);
    for (let age = 0; age <= 100; age++) expect(ageGroupOf(ageBand(age))).toBe(age < 18 ? 'under_18' : '18_plus');
  });

  it('maps a DIVIPOLA municipality to its department', () => {
    expect(departmentOf('54001')).toBe('54');
    expect(departmentOf('05001')).toBe('05');
    expect(() => departmentOf('54')).toThrow(RangeError);
    expect(() => departmentOf('5400a')).toThrow(RangeError);
  });
});
