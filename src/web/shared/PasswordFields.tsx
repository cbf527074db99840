import { TextField } from './Field.tsx';

/** A field bound to a draft (`fieldsOf`): its value, what typing does, and its error. */
interface Bound {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

const NEW_PASSWORD = { type: 'password', autoComplete: 'new-password' } as const;

/** A new password, typed twice so a typo does not lock anyone out. */
export function NewPasswordFields({
  password,
  repeat,
  autoFocus,
}: {
  password: Bound;
  repeat: Bound;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        label="New password"
        {...password}
        {...NEW_PASSWORD}
        hint="At least 8 characters"
        autoFocus={autoFocus}
      />
      <TextField label="New password again" {...repeat} {...NEW_PASSWORD} />
    </>
  );
}
