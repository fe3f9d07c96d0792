// Every instrument at every band boundary, at minimum and maximum, and invalid answer sets.
import { describe, expect, it } from 'vitest';
import { instrumentAnswersInput, INSTRUMENTS, type InstrumentId } from '../../electron/api/instruments';
import { scoreInstrument } from '../../electron/core/scoring';

/** Answers of `count` items within [min, max] adding up to `total` (filled from the first item). */
function answersFor(id: Exclude<InstrumentId, 'cssrs'>, total: number, overrides: Record<number, number> = {}): number[] {
  const def = INSTRUMENTS[id];
  if (def.kind !== 'numeric') throw new Error('numeric only');
  const answers = def.items.map(() => def.min);
  for (const [i, v] of Object.entries(overrides)) answers[Number(i)] = v;
  let rest = total - answers.reduce((s, a) => s + a, 0);
  for (let i = 0; i < answers.length && rest > 0; i++) {
    if (overrides[i] !== undefined) continue;
    const add = Math.min(def.max - answers[i]!, rest);
    answers[i]! += add;
    rest -= add;
  }
  if (rest !== 0) throw new Error(`cannot reach ${total}`);
  return answers;
}

function score(id: InstrumentId, answers: unknown[]) {
  const parsed = instrumentAnswersInput.parse({ instrument: id, answers });
  return scoreInstrument(parsed);
}

const BOUNDARIES: [Exclude<InstrumentId, 'cssrs'>, [number, string][]][] = [
  ['phq9', [[0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'], [15, 'moderately_severe'], [19, 'moderately_severe'], [20, 'severe'], [27, 'severe']]],
  ['gad7', [[0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'], [15, 'severe'], [21, 'severe']]],
  ['who5', [[0, 'likely_depression'], [7, 'likely_depression'], [8, 'poor'], [12, 'poor'], [13, 'adequate'], [25, 'adequate']]],
  ['k10', [[10, 'low'], [15, 'low'], [16, 'moderate'], [21, 'moderate'], [22, 'high'], [29, 'high'], [30, 'very_high'], [50, 'very_high']]],
  ['pcl5', [[0, 'below_threshold'], [32, 'below_threshold'], [33, 'probable_ptsd'], [80, 'probable_ptsd']]],
  ['whodas12', [[12, 'no_bands'], [36, 'no_bands'], [60, 'no_bands']]],
];

describe('scoring', () => {
  for (const [id, cases] of BOUNDARIES) {
    it(`${id}: totals and bands at every boundary, minimum and maximum`, () => {
      for (const [total, band] of cases) {
        // Keep PHQ-9 item 9 at 0 so the band cases do not raise alerts.
        const answers = answersFor(id, total, id === 'phq9' && total <= 24 ? { 8: 0 } : {});
        const result = score(id, answers);
        expect([result.total, result.band], `${id} ${total}`).toEqual([total, band]);
      }
    });
  }

  it('WHO-5 reports the percentage (raw × 4): 28 % is likely depression, 32 % poor, 52 % adequate', () => {
    expect(score('who5', answersFor('who5', 7))).toMatchObject({ total: 7, percentage: 28, band: 'likely_depression' });
    expect(score('who5', answersFor('who5', 8))).toMatchObject({ percentage: 32, band: 'poor' });
    expect(score('who5', answersFor('who5', 12))).toMatchObject({ percentage: 48, band: 'poor' });
    expect(score('who5', answersFor('who5', 13))).toMatchObject({ percentage: 52, band: 'adequate' });
    expect(score('who5', answersFor('who5', 25)).percentage).toBe(100);
  });

  it('PHQ-9 raises a risk alert when item 9 is above 0, whatever the total', () => {
    expect(score('phq9', answersFor('phq9', 0)).riskAlert).toBe(false);
    expect(score('phq9', answersFor('phq9', 1, { 8: 1 }))).toMatchObject({ total: 1, band: 'minimal', riskAlert: true });
    expect(score('phq9', answersFor('phq9', 24, { 8: 0 }))).toMatchObject({ band: 'severe', riskAlert: false });
    expect(score('phq9', answersFor('phq9', 27)).riskAlert).toBe(true);
  });

  it('C-SSRS: none, low, moderate, high, with alerts for moderate and high and immediate evaluation for high', () => {
    const cases: [(boolean | null)[], string, boolean, boolean][] = [
      [[false, false, null, null, null, false, null], 'none', false, false],
      [[true, false, null, null, null, false, null], 'low', false, false],
      [[false, true, false, false, false, false, null], 'low', false, false],
      [[true, true, true, false, false, false, null], 'moderate', true, false],
      [[true, false, null, null, null, true, false], 'moderate', true, false],
      [[true, true, true, true, false, false, null], 'high', true, true],
      [[true, true, false, false, true, false, null], 'high', true, true],
      [[false, false, null, null, null, true, true], 'high', true, true],
    ];
    for (const [answers, band, alert, immediate] of cases) {
      expect(score('cssrs', answers), JSON.stringify(answers)).toMatchObject({ band, riskAlert: alert, immediate, total: null });
    }
  });

  it('refuses wrong counts, missing items and out-of-range answers, naming the item', () => {
    const issues = (instrument: string, answers: unknown[]) => {
      const result = instrumentAnswersInput.safeParse({ instrument, answers });
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues('phq9', [0, 0, 0])).toEqual(['answers: PHQ-9 (depresión) tiene 9 ítems; llegaron 3 respuestas']);
    expect(issues('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 4])).toEqual(['answers.8: Ítem 9: respuesta fuera de rango (0–3)']);
    expect(issues('phq9', [0, 0, null, 0, 0, 0, 0, 0, 0])).toEqual(['answers.2: Ítem 3: falta la respuesta']);
    expect(issues('gad7', [0, 0, 0, 0, 0, -1, 0])).toEqual(['answers.5: Ítem 6: respuesta fuera de rango (0–3)']);
    expect(issues('gad7', [0, 0, 0, 0, 0, 1.5, 0])).toEqual(['answers.5: Ítem 6: respuesta fuera de rango (0–3)']);
    expect(issues('who5', [6, 0, 0, 0, 0])).toEqual(['answers.0: Ítem 1: respuesta fuera de rango (0–5)']);
    expect(issues('k10', Array(10).fill(0))[0]).toBe('answers.0: Ítem 1: respuesta fuera de rango (1–5)');
    expect(issues('k10', [...Array(9).fill(1), true])).toEqual(['answers.9: Ítem 10: respuesta fuera de rango (1–5)']);
    expect(issues('pcl5', Array(19).fill(0))).toEqual(['answers: PCL-5 (síntomas de estrés postraumático, último mes) tiene 20 ítems; llegaron 19 respuestas']);
    expect(issues('whodas12', [...Array(11).fill(1), 6])).toEqual(['answers.11: Ítem 12: respuesta fuera de rango (1–5)']);
    expect(issues('cssrs', [true, false, true, null, null, false, null])).toEqual(['answers.2: Pregunta 3: no se hace cuando la pregunta 2 es "no"']);
    expect(issues('cssrs', [true, true, null, false, false, false, null])).toEqual(['answers.2: Pregunta 3: responda sí o no']);
    expect(issues('cssrs', [true, false, null, null, null, true, null])).toEqual(['answers.6: Pregunta 6b: responda sí o no']);
    expect(issues('cssrs', [true, false, null, null, null, 1, null])).toEqual(['answers.5: Pregunta 6: responda sí o no']);
    expect(issues('cssrs', [true])).toEqual(['answers: El C-SSRS tiene 6 preguntas y la 6b; llegaron 1 respuestas']);
    expect(issues('beck', [])).toEqual(['instrument: Instrumento desconocido']);
  });

  it('has the published item counts and ranges', () => {
    const shape = Object.values(INSTRUMENTS).map((d) => [d.id, d.items.length, d.kind === 'numeric' ? `${d.min}-${d.max}` : 'yes/no']);
    expect(shape).toEqual([['phq9', 9, '0-3'], ['gad7', 7, '0-3'], ['who5', 5, '0-5'], ['k10', 10, '1-5'], ['pcl5', 20, '0-4'], ['whodas12', 12, '1-5'], ['cssrs', 7, 'yes/no']]);
  });
});
