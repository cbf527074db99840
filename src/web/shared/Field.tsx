import { type ComponentProps, type ReactNode, useId } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrame {
  label: string;
  error?: string;
  hint?: ReactNode;
  /** The class of the field's wrapper (e.g. its grid area). */
  className?: string;
}

interface FieldProps extends FieldFrame {
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its error (or hint) beneath, wired up for screen readers. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': note ? noteId : undefined,
      })}
      {note && (
        <p id={noteId} className={error ? 'field__error' : 'field__hint'}>
          {note}
        </p>
      )}
    </div>
  );
}

type ValueProps<T extends string> = FieldFrame & {
  value: string;
  onChange: (value: T) => void;
  /** The class of the control itself. */
  inputClassName?: string;
};

type InputProps = ValueProps<string> & Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'className'>;

type TextAreaProps = ValueProps<string> &
  Omit<ComponentProps<'textarea'>, 'value' | 'onChange' | 'className'>;

/** A text field's props apart: those of its frame (for `Field`) and those of its control, which reports the text. */
function splitText<P extends ValueProps<string>>({
  label,
  error,
  hint,
  className,
  inputClassName,
  onChange,
  ...rest
}: P) {
  const control = {
    ...rest,
    className: inputClassName,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return { frame: { label, error, hint, className }, control };
}

/** A labelled `<input>` (text unless `type` says otherwise); `onChange` gets the new value. */
export function TextField(props: InputProps) {
  const { frame, control } = splitText(props);
  return <Field {...frame}>{(wiring) => <input {...wiring} {...control} />}</Field>;
}

/** A labelled `<textarea>` for a few lines of prose; `onChange` gets the new text. */
export function TextAreaField(props: TextAreaProps) {
  const { frame, control } = splitText(props);
  return <Field {...frame}>{(wiring) => <textarea {...wiring} {...control} />}</Field>;
}

/** A labelled whole-number input; the value stays the text typed, for the draft to check. */
export function NumberField(props: Omit<InputProps, 'type' | 'inputMode'>) {
  return <TextField {...props} type="number" inputMode="numeric" />;
}

type SelectProps<T extends string> = ValueProps<T> & { children: ReactNode; disabled?: boolean };

/** A labelled `<select>` over `children` options; `onChange` gets the chosen value as `T`. */
export function SelectField<T extends string>({
  label,
  error,
  hint,
  className,
  inputClassName,
  value,
  onChange,
  children,
  disabled,
}: SelectProps<T>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select
          {...control}
          className={inputClassName}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

/** The `<option>`s of a choice among labelled values, in the order of `values` (by default the labels'). */
export function Options<T extends string>({
  labels,
  values = Object.keys(labels) as T[],
}: {
  values?: readonly T[];
  labels: Record<T, string>;
}) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}

/** The `<option>`s of a choice among named things (people, accounts), by id. */
export function NameOptions({ items }: { items: readonly { id: string; name: string }[] | undefined }) {
  return items?.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
    </option>
  ));
}

type ChoiceProps<T extends string> = Omit<SelectProps<T>, 'children'> & {
  /** The values offered, in order; by default every labelled one. */
  values?: readonly T[];
  labels: Record<T, string>;
};

/** A labelled `<select>` among labelled values, e.g. a stakeholder's level. */
export function ChoiceField<T extends string>({ values, labels, ...select }: ChoiceProps<T>) {
  return (
    <SelectField<T> {...select}>
      <Options values={values} labels={labels} />
    </SelectField>
  );
}

interface CheckProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Drawn as a toggle button rather than a checkbox. */
  toggle?: boolean;
}

/** A checkbox inside its label. */
export function Check({ label, checked, onChange, disabled, toggle }: CheckProps) {
  return (
    <label className={toggle ? 'toggle' : 'check'}>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/** A form-level message, e.g. the server's explanation of why a save failed. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
