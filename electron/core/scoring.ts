// Instrument scoring with the published rules and bands (../shared/reference/instruments.md).
// Answers are validated by the contract (checkAnswers) before they reach here.
import type { Band, InstrumentAnswers, ScoredInstrument } from '../api/instruments';

const sum = (answers: readonly unknown[]) => answers.reduce<number>((s, a) => s + (a as number), 0);

function band(total: number, cuts: readonly (readonly [number, Band])[]): Band {
  // cuts: [lowest total of the band, band], ascending.
  let result = cuts[0]![1];
  for (const [from, name] of cuts) if (total >= from) result = name;
  return result;
}

export function scoreInstrument({ instrument, answers }: InstrumentAnswers): ScoredInstrument {
  const base = { instrument, answers, percentage: null, riskAlert: false, immediate: false };
  switch (instrument) {
    case 'phq9': {
      const total = sum(answers);
      const b = band(total, [[0, 'minimal'], [5, 'mild'], [10, 'moderate'], [15, 'moderately_severe'], [20, 'severe']]);
      return { ...base, total, band: b, riskAlert: (answers[8] as number) > 0 };
    }
    case 'gad7': {
      const total = sum(answers);
      return { ...base, total, band: band(total, [[0, 'minimal'], [5, 'mild'], [10, 'moderate'], [15, 'severe']]) };
    }
    case 'who5': {
      const total = sum(answers);
      const percentage = total * 4;
      const b: Band = percentage <= 28 ? 'likely_depression' : total < 13 ? 'poor' : 'adequate';
      return { ...base, total, percentage, band: b };
    }
    case 'k10': {
      const total = sum(answers);
      return { ...base, total, band: band(total, [[10, 'low'], [16, 'moderate'], [22, 'high'], [30, 'very_high']]) };
    }
    case 'pcl5': {
      const total = sum(answers);
      return { ...base, total, band: total >= 33 ? 'probable_ptsd' : 'below_threshold' };
    }
    case 'whodas12':
      return { ...base, total: sum(answers), band: 'no_bands' };
    case 'cssrs': {
      const [q1, q2, q3, q4, q5, q6, q6Recent] = answers as (boolean | null)[];
      // Screener triage: behaviour in the past 3 months, intent or a plan → high; a method (Q3) or
      // behaviour longer ago → moderate; wish to be dead or thoughts only → low.
      const b: Band = q4 || q5 || (q6 && q6Recent) ? 'high' : q3 || q6 ? 'moderate' : q1 || q2 ? 'low' : 'none';
      return { ...base, total: null, band: b, riskAlert: b === 'moderate' || b === 'high', immediate: b === 'high' };
    }
  }
}
