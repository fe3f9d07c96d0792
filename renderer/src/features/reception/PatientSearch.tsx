// One search box: results as the receptionist types (debounced), ranked, each with why it matched.
// ↓/↑ move through the results, Enter opens the highlighted one; "more results" pages on.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, OutputOf } from '../../api/contract';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText } from '../../components/errors';
import { PatientSummaryLine } from './PatientSummaryLine';

export type SearchResult = OutputOf<'patients.search'>['results'][number];

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;

interface Found {
  query: string;
  results: SearchResult[];
  page: number;
  hasMore: boolean;
}

export function PatientSearch({
  label,
  hint,
  onPick,
  autoFocus = false,
}: {
  label: string;
  hint?: string;
  onPick: (result: SearchResult) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-results`;
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  // Focused before the screen is painted: a receptionist who starts typing the moment the screen
  // appears must not lose the first keystrokes (a passive effect runs after paint).
  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    const text = query.trim();
    if (!text) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void call('patients.search', { query: text, page: 1, pageSize: PAGE_SIZE }).then((result) => {
        if (!current) return;
        if (result.ok) {
          setFound({ query: text, ...result.value });
          setActive(result.value.results.length ? 0 : -1);
          setError(null);
        } else {
          setError(result.error);
        }
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  const shown = query.trim() && found ? found : null;
  const results = shown?.results ?? [];

  const loadMore = async () => {
    if (!shown) return;
    setLoadingMore(true);
    const result = await call('patients.search', { query: shown.query, page: shown.page + 1, pageSize: PAGE_SIZE });
    setLoadingMore(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setFound({ query: shown.query, results: [...shown.results, ...result.value.results], page: result.value.page, hasMore: result.value.hasMore });
  };

  useEffect(() => {
    if (active >= 0) document.getElementById(`${id}-r-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  return (
    <div className="patient-search">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          ref={input}
          id={id}
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={active >= 0 && results[active] ? `${id}-r-${active}` : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && results.length) {
              event.preventDefault();
              setActive((i) => Math.min(i + 1, results.length - 1));
            } else if (event.key === 'ArrowUp' && results.length) {
              event.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              const picked = results[active];
              if (picked) onPick(picked);
            } else if (event.key === 'Escape' && query) {
              event.preventDefault();
              setQuery('');
            }
          }}
        />
        {hint ? (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {shown ? (shown.results.length ? t('search.count', { count: shown.results.length, more: shown.hasMore ? '+' : '' }) : t('search.none')) : ''}
      </p>
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {shown && shown.results.length === 0 ? <p className="muted search-empty">{t('search.noneFor', { query: shown.query })}</p> : null}
      <ul id={listId} role="listbox" aria-label={t('search.results')} className="search-results" hidden={results.length === 0}>
        {results.map((result, index) => (
          <li
            key={result.id}
            id={`${id}-r-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'search-result active' : 'search-result'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(result)}
            onMouseEnter={() => setActive(index)}
          >
            <PatientSummaryLine patient={result} />
            <span className="matched-by">{t(`codes.matchedBy.${result.matchedBy}`)}</span>
          </li>
        ))}
      </ul>
      {shown?.hasMore ? (
        <div className="table-more">
          <Button busy={loadingMore} busyLabel={t('app.loading')} onClick={() => void loadMore()}>
            {t('search.more')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
