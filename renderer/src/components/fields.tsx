// Form fields with a visible label, an optional hint, and the server's error
// sentence right under the control it concerns (announced to screen readers).

import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { monthNames } from '../../../electron/server/locale/dates';
import { currentLanguage } from '../i18n';

interface FieldFrameProps {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string;
  readonly required?: boolean;
  /** Shown after the label in lighter type, e.g. "(optional)". */
  readonly labelNote?: string;
  readonly children: (ids: { inputId: string; describedBy: string | undefined }) => ReactNode;
}

function FieldFrame({ label, hint, error, required, labelNote, children }: FieldFrameProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={inputId}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
        {labelNote ? <span className="field__note"> ({labelNote})</span> : null}
      </label>
      {children({ inputId, describedBy })}
      {hint ? <p id={hintId} className="field__hint">{hint}</p> : null}
      {error ? <p id={errorId} className="field__error" role="alert">{error}</p> : null}
    </div>
  );
}

interface TextFieldProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly type?: 'text' | 'tel' | 'search' | 'password';
  readonly autoFocus?: boolean;
  readonly maxLength?: number;
  readonly labelNote?: string;
  /** A few lines of text (a note): a text area this many lines high. */
  readonly rows?: number;
  /** A small whole number (a count of instalments): a short box, typed with the number keys. */
  readonly count?: boolean;
}

export function TextField({ label, name, value, onChange, error, hint, required, type = 'text', autoFocus, maxLength, labelNote, rows, count }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} labelNote={labelNote}>
      {({ inputId, describedBy }) => {
        // What a one-line field and a text area of a few lines have in common.
        const common = {
          id: inputId, name, value, required, autoFocus, maxLength,
          'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy,
        };
        return rows ? (
          <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} type={type} autoComplete={type === 'password' ? 'off' : undefined} onChange={(e) => onChange(e.target.value)}
            {...(count ? { inputMode: 'numeric' as const, className: 'input--count' } : {})} />
        );
      }}
    </FieldFrame>
  );
}

interface MoneyFieldProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** How the association writes its currency after an amount ("Frw"), shown beside the field. */
  readonly currency: string;
  readonly error?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly autoFocus?: boolean;
}

/**
 * An amount of money: a narrow box, right-aligned like the figures it becomes, with
 * the currency beside it, so "30,000" is read as francs and not stretched across the
 * page. The text is passed on as typed; the server reads it in the user's language.
 */
export function MoneyField({ label, name, value, onChange, currency, error, hint, required, autoFocus }: MoneyFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required}>
      {({ inputId, describedBy }) => (
        <span className="money-input">
          <input id={inputId} name={name} value={value} required={required} autoFocus={autoFocus} inputMode="decimal" autoComplete="off"
            aria-invalid={error ? true : undefined} aria-describedby={[`${inputId}-currency`, describedBy].filter(Boolean).join(' ')}
            onChange={(e) => onChange(e.target.value)} />
          <span id={`${inputId}-currency`} className="money-input__currency">{currency}</span>
        </span>
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly error?: string;
  readonly required?: boolean;
  readonly placeholder?: string;
}

export function SelectField({ label, name, value, onChange, options, error, required, placeholder }: SelectFieldProps) {
  return (
    <FieldFrame label={label} error={error} required={required}>
      {({ inputId, describedBy }) => (
        <select
          id={inputId}
          name={name}
          value={value}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface ChoiceFieldProps {
  readonly legend: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly error?: string;
}

/** A small set of choices (e.g. gender) as radio buttons: one click or arrow keys. */
export function ChoiceField({ legend, name, value, onChange, options, error }: ChoiceFieldProps) {
  const errorId = useId();
  return (
    <fieldset className={`field choice${error ? ' field--invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="choice__options">
        {options.map((o) => (
          <label key={o.value} className="choice__option">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {error ? <p id={errorId} className="field__error" role="alert">{error}</p> : null}
    </fieldset>
  );
}

export function FormError({ message }: { readonly message: string | null }) {
  return message ? <p className="form-error" role="alert">{message}</p> : null;
}

interface DateFieldProps {
  readonly legend: string;
  readonly name: string;
  /** 'YYYY-MM-DD', or '' while incomplete. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  readonly required?: boolean;
  readonly autoFocus?: boolean;
}

/**
 * A date as day, month name and year. The browser's own date box follows the
 * computer's settings (month first on many laptops), which misleads; this does not.
 * An impossible date (31 February) is passed on for the server to refuse in words.
 */
export function DateField({ legend, name, value, onChange, error, required, autoFocus }: DateFieldProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const labels = { day: t('date.day'), month: t('date.month'), year: t('date.year') };
  const [y = '', m = '', d = ''] = value ? value.split('-') : [];
  const [parts, setParts] = useState({ day: d ? String(Number(d)) : '', month: m ? String(Number(m)) : '', year: y });
  const update = (next: typeof parts) => {
    setParts(next);
    const complete = /^\d{1,2}$/.test(next.day) && next.month !== '' && /^\d{4}$/.test(next.year);
    onChange(complete ? `${next.year}-${next.month.padStart(2, '0')}-${next.day.padStart(2, '0')}` : '');
  };
  return (
    <fieldset className={`field date-field${error ? ' field--invalid' : ''}`} aria-describedby={error ? errorId : undefined} data-name={name}>
      <legend>
        {legend}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      <div className="date-field__parts">
        <label className="date-field__day">
          <span className="date-field__label">{labels.day}</span>
          <input name={`${name}-day`} inputMode="numeric" maxLength={2} value={parts.day} autoFocus={autoFocus} aria-invalid={error ? true : undefined} onChange={(e) => update({ ...parts, day: e.target.value.replace(/\D/g, '') })} />
        </label>
        <label className="date-field__month">
          <span className="date-field__label">{labels.month}</span>
          <select name={`${name}-month`} value={parts.month} aria-invalid={error ? true : undefined} onChange={(e) => update({ ...parts, month: e.target.value })}>
            <option value="">—</option>
            {monthNames(currentLanguage()).map((month, i) => (
              <option key={month} value={String(i + 1)}>{month}</option>
            ))}
          </select>
        </label>
        <label className="date-field__year">
          <span className="date-field__label">{labels.year}</span>
          <input name={`${name}-year`} inputMode="numeric" maxLength={4} value={parts.year} aria-invalid={error ? true : undefined} onChange={(e) => update({ ...parts, year: e.target.value.replace(/\D/g, '') })} />
        </label>
      </div>
      {error ? <p id={errorId} className="field__error" role="alert">{error}</p> : null}
    </fieldset>
  );
}
