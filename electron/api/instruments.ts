// Screening instruments: items in their published Spanish wording, answer ranges, and the answer
// validation shared by the session form and the service. Scoring lives in electron/core/scoring.ts
// (../shared/reference/instruments.md).
import { z } from 'zod';

export const INSTRUMENT_IDS = ['phq9', 'gad7', 'who5', 'k10', 'pcl5', 'whodas12', 'cssrs'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export interface NumericInstrument {
  id: Exclude<InstrumentId, 'cssrs'>;
  name: string;
  kind: 'numeric';
  /** The question stem shown above the items. */
  stem: string;
  items: readonly string[];
  min: number;
  max: number;
  /** Answer labels from min to max. */
  options: readonly string[];
  /** Whether a lower total is better (for the change over time). */
  lowerIsBetter: boolean;
}

export interface CssrsInstrument {
  id: 'cssrs';
  name: string;
  kind: 'cssrs';
  stem: string;
  /** Q1–Q6 and Q6b ("¿fue en los últimos 3 meses?"). Q3–Q5 are asked only when Q2 is yes; Q6b only when Q6 is yes. */
  items: readonly string[];
  options: readonly string[];
}

export type InstrumentDefinition = NumericInstrument | CssrsInstrument;

const FREQUENCY_2W = ['Ningún día', 'Varios días', 'Más de la mitad de los días', 'Casi todos los días'];

export const INSTRUMENTS: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  phq9: {
    id: 'phq9',
    name: 'PHQ-9 (depresión)',
    kind: 'numeric',
    stem: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
    items: [
      'Poco interés o placer en hacer cosas',
      'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
      'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado',
      'Se ha sentido cansado(a) o con poca energía',
      'Sin apetito o ha comido en exceso',
      'Se ha sentido mal con usted mismo(a), o que es un fracaso, o que ha quedado mal con usted mismo(a) o con su familia',
      'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión',
      '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? O lo contrario: muy inquieto(a) o agitado(a), moviéndose mucho más de lo normal',
      'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera',
    ],
    min: 0,
    max: 3,
    options: FREQUENCY_2W,
    lowerIsBetter: true,
  },
  gad7: {
    id: 'gad7',
    name: 'GAD-7 (ansiedad)',
    kind: 'numeric',
    stem: 'Durante las últimas 2 semanas, ¿con qué frecuencia le han molestado los siguientes problemas?',
    items: [
      'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta',
      'No ha sido capaz de parar o controlar su preocupación',
      'Se ha preocupado demasiado por motivos diferentes',
      'Ha tenido dificultad para relajarse',
      'Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)',
      'Se ha molestado o irritado fácilmente',
      'Ha tenido miedo de que algo terrible fuera a pasar',
    ],
    min: 0,
    max: 3,
    options: FREQUENCY_2W,
    lowerIsBetter: true,
  },
  who5: {
    id: 'who5',
    name: 'WHO-5 (bienestar)',
    kind: 'numeric',
    stem: 'Durante las últimas dos semanas…',
    items: [
      'Me he sentido alegre y de buen ánimo',
      'Me he sentido tranquilo(a) y relajado(a)',
      'Me he sentido activo(a) y enérgico(a)',
      'Me he despertado fresco(a) y descansado(a)',
      'Mi vida cotidiana ha estado llena de cosas que me interesan',
    ],
    min: 0,
    max: 5,
    options: ['Nunca', 'De vez en cuando', 'Menos de la mitad del tiempo', 'Más de la mitad del tiempo', 'La mayor parte del tiempo', 'Todo el tiempo'],
    lowerIsBetter: false,
  },
  k10: {
    id: 'k10',
    name: 'K10 (malestar psicológico)',
    kind: 'numeric',
    stem: 'Durante los últimos 30 días, ¿con qué frecuencia…',
    items: [
      '…se sintió cansado(a) sin alguna buena razón?',
      '…se sintió nervioso(a)?',
      '…se sintió tan nervioso(a) que nada podía calmarlo(a)?',
      '…se sintió desesperado(a)?',
      '…se sintió inquieto(a) o intranquilo(a)?',
      '…se sintió tan impaciente que no podía mantenerse quieto(a)?',
      '…se sintió deprimido(a)?',
      '…sintió que todo lo que hacía representaba un gran esfuerzo?',
      '…se sintió tan triste que nada podía animarle?',
      '…se sintió inútil o sin valor?',
    ],
    min: 1,
    max: 5,
    options: ['Nunca', 'Pocas veces', 'A veces', 'Muchas veces', 'Siempre'],
    lowerIsBetter: true,
  },
  pcl5: {
    id: 'pcl5',
    name: 'PCL-5 (síntomas de estrés postraumático, último mes)',
    kind: 'numeric',
    stem: 'En el último mes, ¿cuánto le ha molestado…',
    items: [
      'Recuerdos repetidos, perturbadores e indeseados de la experiencia estresante',
      'Sueños repetidos y perturbadores de la experiencia estresante',
      'De repente sentir o actuar como si la experiencia estresante estuviera sucediendo de nuevo',
      'Sentirse muy mal cuando algo le recuerda la experiencia estresante',
      'Tener reacciones físicas intensas cuando algo le recuerda la experiencia estresante (palpitaciones, dificultad para respirar, sudoración)',
      'Evitar recuerdos, pensamientos o sentimientos relacionados con la experiencia estresante',
      'Evitar recordatorios externos de la experiencia estresante (personas, lugares, conversaciones, actividades, objetos o situaciones)',
      'Dificultad para recordar partes importantes de la experiencia estresante',
      'Tener creencias negativas intensas sobre usted mismo(a), otras personas o el mundo',
      'Culparse a usted mismo(a) o a otros por la experiencia estresante o lo que ocurrió después',
      'Tener sentimientos negativos intensos como miedo, horror, enojo, culpa o vergüenza',
      'Pérdida de interés en actividades que solía disfrutar',
      'Sentirse distante o aislado(a) de otras personas',
      'Dificultad para experimentar sentimientos positivos',
      'Comportamiento irritable, arrebatos de enojo o actuar agresivamente',
      'Tomar demasiados riesgos o hacer cosas que podrían causarle daño',
      'Estar "superalerta", vigilante o en guardia',
      'Sentirse nervioso(a) o asustarse fácilmente',
      'Tener dificultad para concentrarse',
      'Tener problemas para dormir o mantenerse dormido(a)',
    ],
    min: 0,
    max: 4,
    options: ['Nada', 'Un poco', 'Moderadamente', 'Bastante', 'Extremadamente'],
    lowerIsBetter: true,
  },
  whodas12: {
    id: 'whodas12',
    name: 'WHODAS 2.0, 12 preguntas (funcionamiento)',
    kind: 'numeric',
    stem: 'En los últimos 30 días, ¿cuánta dificultad ha tenido para…',
    items: [
      'Estar de pie durante largos períodos de tiempo, como 30 minutos',
      'Cumplir con sus quehaceres de la casa',
      'Aprender una nueva tarea, como llegar a un lugar nuevo',
      'Participar en actividades de la comunidad (fiestas, actividades religiosas u otras) como cualquier otra persona',
      '¿Cuánto le han afectado emocionalmente sus problemas de salud?',
      'Concentrarse en hacer algo durante diez minutos',
      'Andar largas distancias, como un kilómetro',
      'Lavarse todo el cuerpo (bañarse)',
      'Vestirse',
      'Relacionarse con personas que no conoce',
      'Mantener una amistad',
      'Llevar a cabo su trabajo diario',
    ],
    min: 1,
    max: 5,
    options: ['Ninguna', 'Leve', 'Moderada', 'Severa', 'Extrema / no puede hacerlo'],
    lowerIsBetter: true,
  },
  cssrs: {
    id: 'cssrs',
    name: 'C-SSRS, tamizaje (riesgo suicida)',
    kind: 'cssrs',
    stem: 'En el último mes…',
    items: [
      '¿Ha deseado estar muerto(a) o poder dormirse y no despertar?',
      '¿Ha tenido realmente pensamientos de suicidarse?',
      '¿Ha pensado en cómo llevaría esto a cabo?',
      '¿Ha tenido estas ideas y algún grado de intención de llevarlas a cabo?',
      '¿Ha comenzado a elaborar o ha elaborado los detalles sobre cómo suicidarse? ¿Tiene intenciones de llevar a cabo este plan?',
      '¿Alguna vez ha hecho algo, comenzado a hacer algo o se ha preparado para hacer algo para terminar con su vida?',
      '¿Fue en los últimos 3 meses?',
    ],
    options: ['No', 'Sí'],
  },
};

type Ctx = z.RefinementCtx;

/** Validates one answer set; every problem names the item ("Ítem 9"). */
export function checkAnswers(instrument: InstrumentId, answers: readonly unknown[], ctx: Ctx): void {
  const def = INSTRUMENTS[instrument];
  if (def.kind === 'numeric') {
    if (answers.length !== def.items.length) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: `${def.name} tiene ${def.items.length} ítems; llegaron ${answers.length} respuestas` });
      return;
    }
    answers.forEach((answer, i) => {
      if (answer === null || answer === undefined) ctx.addIssue({ code: 'custom', path: ['answers', i], message: `Ítem ${i + 1}: falta la respuesta` });
      else if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < def.min || answer > def.max) {
        ctx.addIssue({ code: 'custom', path: ['answers', i], message: `Ítem ${i + 1}: respuesta fuera de rango (${def.min}–${def.max})` });
      }
    });
    return;
  }
  if (answers.length !== 7) {
    ctx.addIssue({ code: 'custom', path: ['answers'], message: `El C-SSRS tiene 6 preguntas y la 6b; llegaron ${answers.length} respuestas` });
    return;
  }
  const isBool = (v: unknown) => typeof v === 'boolean';
  const need = (i: number, label: string) => {
    if (!isBool(answers[i])) ctx.addIssue({ code: 'custom', path: ['answers', i], message: `Pregunta ${label}: responda sí o no` });
  };
  const skip = (i: number, label: string, why: string) => {
    if (answers[i] !== null && answers[i] !== undefined) ctx.addIssue({ code: 'custom', path: ['answers', i], message: `Pregunta ${label}: no se hace ${why}` });
  };
  need(0, '1');
  need(1, '2');
  if (answers[1] === true) ['3', '4', '5'].forEach((label, k) => need(2 + k, label));
  else ['3', '4', '5'].forEach((label, k) => skip(2 + k, label, 'cuando la pregunta 2 es "no"'));
  need(5, '6');
  if (answers[5] === true) need(6, '6b');
  else skip(6, '6b', 'cuando la pregunta 6 es "no"');
}

export const instrumentAnswersInput = z
  .strictObject({
    instrument: z.enum(INSTRUMENT_IDS, { error: 'Instrumento desconocido' }),
    answers: z.array(z.union([z.number(), z.boolean(), z.null()])).max(40, 'Demasiadas respuestas'),
  })
  .superRefine((value, ctx) => checkAnswers(value.instrument, value.answers, ctx));
export type InstrumentAnswers = z.infer<typeof instrumentAnswersInput>;

export const BANDS = [
  'minimal', 'mild', 'moderate', 'moderately_severe', 'severe', // PHQ-9, GAD-7
  'adequate', 'poor', 'likely_depression', // WHO-5
  'low', 'high', 'very_high', // K10 (and C-SSRS low/moderate/high)
  'below_threshold', 'probable_ptsd', // PCL-5
  'none', // C-SSRS: no to every question
  'no_bands', // WHODAS 2.0: the score and its change only
] as const;
export type Band = (typeof BANDS)[number];

export const scoredInstrumentSchema = z.object({
  instrument: z.enum(INSTRUMENT_IDS),
  answers: z.array(z.union([z.number(), z.boolean(), z.null()])),
  total: z.number().nullable(),
  /** WHO-5 percentage (raw × 4). */
  percentage: z.number().nullable(),
  band: z.enum(BANDS),
  /** True when this result raises a risk alert (PHQ-9 item 9 > 0; C-SSRS moderate or high). */
  riskAlert: z.boolean(),
  /** C-SSRS high: immediate evaluation. */
  immediate: z.boolean(),
});
export type ScoredInstrument = z.infer<typeof scoredInstrumentSchema>;
