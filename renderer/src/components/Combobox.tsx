// An editable combobox with a list box popup (WAI-ARIA APG "combobox with listbox popup"):
// type to filter, ↓/↑ to move, Enter to pick, Escape to close. The value is an option's code.
import { useId, useMemo, useState, type ReactNode, type Ref } from 'react';
import { FieldNotes, useErrorText } from './Field';

export interface ComboOption {
  value: string;
  label: string;
  detail?: string;
}

export interface ComboboxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** The options for what is typed (already filtered and capped). */
  search: (text: string) => ComboOption[];
  /** The text the input shows for a chosen value. */
  labelOf: (value: string) => string;
  hint?: ReactNode;
  error?: string;
  noMatches: string;
  name?: string;
  ref?: Ref<HTMLInputElement>;
}

export function Combobox({ label, value, onChange, onBlur, search, labelOf, hint, error: message, noMatches, name, ref }: ComboboxProps) {
  const id = useId();
  const error = useErrorText(message);
  const listId = `${id}-list`;
  const [text, setText] = useState(() => (value ? labelOf(value) : ''));
  const [shownValue, setShownValue] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(() => (open ? search(text === labelOf(value) ? '' : text) : []), [open, search, text, labelOf, value]);

  // A value set from outside (a reset, a loaded record) shows its label.
  if (shownValue !== value) {
    setShownValue(value);
    setText(value ? labelOf(value) : '');
  }

  const pick = (option: ComboOption) => {
    onChange(option.value);
    setShownValue(option.value);
    setText(labelOf(option.value));
    setOpen(false);
  };

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const activeOption = open ? options[active] : undefined;

  return (
    <div className={error ? 'field field-invalid combobox' : 'field combobox'}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          if (!event.target.value.trim()) onChange('');
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            if (!open) setOpen(true);
            else setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (event.key === 'Enter') {
            if (open && activeOption) {
              event.preventDefault();
              pick(activeOption);
            }
          } else if (event.key === 'Escape') {
            if (open) {
              event.preventDefault();
              event.stopPropagation();
              setOpen(false);
            }
          }
        }}
        onBlur={() => {
          setOpen(false);
          // What was typed but not picked goes back to the chosen value's label.
          setText(value ? labelOf(value) : '');
          onBlur?.();
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!open}>
        {open && options.length === 0 ? (
          <li className="combobox-empty" role="presentation">
            {noMatches}
          </li>
        ) : null}
        {options.map((option, index) => (
          <li
            key={option.value}
            id={`${id}-opt-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'combobox-option active' : 'combobox-option'}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span className="cell-strong">{option.label}</span>
            {option.detail ? <span className="muted"> {option.detail}</span> : null}
          </li>
        ))}
      </ul>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
