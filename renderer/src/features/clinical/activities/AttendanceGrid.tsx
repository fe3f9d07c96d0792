// Attendance of an activity counted by sex × age band × population group: one small table per
// population group (age bands in rows, sexes in columns) with row and column totals, and the totals
// of the whole activity by sex and by group.
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, POPULATION_GROUPS, SEXES, type ActivityFields } from '../../../api/contract';
import type { ActivityFormValues } from './ActivityFormScreen';
import { serverText } from '../../../i18n/server-messages';

type Sex = (typeof SEXES)[number];
type AgeBand = (typeof AGE_BANDS)[number];
type Group = (typeof POPULATION_GROUPS)[number];

export function cellKey(sex: Sex, ageBand: AgeBand, group: Group): string {
  return `c_${sex}_${AGE_BANDS.indexOf(ageBand)}_${POPULATION_GROUPS.indexOf(group)}`;
}

/** The cells with something typed, in the order the form sends them (attendance.N in errors). */
export function cellOrder(values: Record<string, string>): { key: string; sex: Sex; ageBand: AgeBand; populationGroup: Group }[] {
  const cells: { key: string; sex: Sex; ageBand: AgeBand; populationGroup: Group }[] = [];
  for (const group of POPULATION_GROUPS)
    for (const band of AGE_BANDS)
      for (const sex of SEXES) {
        const key = cellKey(sex, band, group);
        const raw = (values[key] ?? '').trim();
        if (raw !== '' && raw !== '0') cells.push({ key, sex, ageBand: band, populationGroup: group });
      }
  return cells;
}

const count = (raw: string | undefined) => {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

export function AttendanceGrid({ control, register, errors }: { control: Control<ActivityFormValues, unknown, ActivityFields>; register: UseFormRegister<ActivityFormValues>; errors: FieldErrors<ActivityFormValues> }) {
  const { t } = useTranslation();
  const values = useWatch({ control, name: 'attendance' }) ?? {};
  const order = cellOrder(values);
  const cellErrors = new Map<string, string>();
  const listErrors = errors.attendance as unknown as (Record<number, { count?: { message?: string }; message?: string }> & { message?: string }) | undefined;
  order.forEach((c, i) => {
    const message = listErrors?.[i]?.count?.message ?? listErrors?.[i]?.message;
    if (message) cellErrors.set(c.key, serverText(message));
  });
  const ageLabel = (band: AgeBand) => t('attendance.ageBand', { band: band.replace('-', '–') });
  const total = (pick: (sex: Sex, band: AgeBand, group: Group) => boolean) => {
    let sum = 0;
    for (const group of POPULATION_GROUPS) for (const band of AGE_BANDS) for (const sex of SEXES) if (pick(sex, band, group)) sum += count(values[cellKey(sex, band, group)]);
    return sum;
  };
  const grand = total(() => true);

  return (
    <fieldset className="attendance">
      <legend>{t('attendance.title')}</legend>
      <p className="muted">{t('attendance.intro')}</p>
      {listErrors?.message ? <p className="field-error">{serverText(listErrors.message)}</p> : null}
      <div className="attendance-grid">
        {POPULATION_GROUPS.map((group) => {
          const groupTotal = total((_s, _b, g) => g === group);
          return (
            <div key={group} className="table-wrap attendance-table">
              <table className="data-table">
                <caption>
                  {t(`codes.populationGroup.${group}`)} <span className="badge badge-info">{groupTotal}</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('attendance.age')}</th>
                    {SEXES.map((sex) => (
                      <th key={sex} scope="col" className="cell-num">
                        {t(`codes.sex.${sex}`)}
                      </th>
                    ))}
                    <th scope="col" className="cell-num">
                      {t('attendance.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {AGE_BANDS.map((band) => (
                    <tr key={band}>
                      <th scope="row">{ageLabel(band)}</th>
                      {SEXES.map((sex) => {
                        const key = cellKey(sex, band, group);
                        const error = cellErrors.get(key);
                        return (
                          <td key={sex} className={error ? 'cell-num field-invalid' : 'cell-num'}>
                            <input
                              type="number"
                              min={0}
                              max={5000}
                              inputMode="numeric"
                              className="count-input"
                              aria-label={t('attendance.cellLabel', { sex: t(`codes.sex.${sex}`), age: ageLabel(band), group: t(`codes.populationGroup.${group}`) })}
                              aria-invalid={error ? true : undefined}
                              title={error}
                              {...register(`attendance.${key}`)}
                            />
                          </td>
                        );
                      })}
                      <td className="cell-num cell-strong">{total((s, b, g) => g === group && b === band)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('attendance.total')}</th>
                    {SEXES.map((sex) => (
                      <td key={sex} className="cell-num cell-strong">
                        {total((s, _b, g) => g === group && s === sex)}
                      </td>
                    ))}
                    <td className="cell-num cell-strong">{groupTotal}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          );
        })}
      </div>
      {cellErrors.size > 0 ? (
        <ul className="field-error attendance-errors">
          {order
            .filter((c) => cellErrors.has(c.key))
            .map((c) => (
              <li key={c.key}>
                {t('attendance.cellLabel', { sex: t(`codes.sex.${c.sex}`), age: ageLabel(c.ageBand), group: t(`codes.populationGroup.${c.populationGroup}`) })}: {cellErrors.get(c.key)}
              </li>
            ))}
        </ul>
      ) : null}
      <p className="attendance-total" role="status">
        {t('attendance.grandTotal', { total: grand })} · {SEXES.map((sex) => `${t(`codes.sex.${sex}`)}: ${total((s) => s === sex)}`).join(' · ')}
      </p>
    </fieldset>
  );
}
